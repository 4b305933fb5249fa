using System.Net;
using System.Net.Http;
using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Files read over HTTP(S) or from S3 through libhdf5's read-only S3 driver (ROS3), as h5py's driver="ros3".
public sealed partial class H5File
{
    // One client for the reachability checks: ROS3 itself talks through libcurl inside libhdf5.
    private static readonly HttpClient Probe = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each request carries its own deadline
    };

    /// <summary>
    /// Opens a remote file read-only through libhdf5's ROS3 driver (h5py: <c>File(url, driver="ros3")</c>).
    /// </summary>
    /// <param name="url">An <c>https://</c> or <c>http://</c> URL of the object (for S3, the virtual-hosted
    /// <c>https://bucket.s3.region.amazonaws.com/key</c> or path-style <c>https://s3.region.amazonaws.com/bucket/key</c>
    /// form), or <c>s3://bucket/key</c>, which becomes the virtual-hosted https form for <see cref="H5RemoteOptions.Region"/>.
    /// libhdf5 1.10 itself accepts only http(s) URLs.</param>
    /// <param name="options">Credentials, region and page buffer; anonymous without a page buffer when null.</param>
    /// <exception cref="H5LibraryException">The loaded libhdf5 has no ROS3 driver.</exception>
    /// <exception cref="H5RemoteAccessException">The host does not answer within <see cref="H5RemoteOptions.ConnectTimeout"/>,
    /// refuses the connection or the request.</exception>
    /// <exception cref="H5FileNotFoundException">The server has no such object (HTTP 404).</exception>
    /// <exception cref="H5InvalidFileException">The object is not an HDF5 file.</exception>
    /// <exception cref="H5Exception">A page buffer was asked for and the file is not paged, or its pages are larger than
    /// the buffer.</exception>
    public static unsafe H5File OpenRemote(string url, H5RemoteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        options ??= new H5RemoteOptions();
        var address = ToHttpAddress(url, options.Region);
        if (!H5Api.HasRos3)
            throw new H5LibraryException($"The loaded libhdf5 {H5Library.Version} was built without the read-only S3 driver (ROS3), " +
                $"so '{address}' cannot be opened: use a libhdf5 configured with --enable-ros3-vfd (Debian's, conda's) " +
                $"or set {H5LibraryResolver.LibraryVariable} to one.");
        CheckReachable(address, options);

        using var scope = H5Library.Enter();
        using var fapl = new H5FileOptions { PageBufferSize = options.PageBufferSize }.CreateAccessList();
        var fa = Ros3Settings(options);
        fixed (byte* p = fa) H5Call.Check(H5P.SetFaplRos3(fapl, p), "selecting the ROS3 driver");
        var id = H5F.Open(address, H5F.AccRdonly, fapl);
        if (id < 0) H5Call.Throw($"Unable to open '{address}' through ROS3");
        return new H5File(RequirePageBuffer(id, options.PageBufferSize, address), H5FileMode.ReadOnly, address);
    }

    /// <summary>Whether <paramref name="path"/> names a remote object (<c>http://</c>, <c>https://</c> or <c>s3://</c>).</summary>
    public static bool IsRemote(string path) =>
        path.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    private static string ToHttpAddress(string url, string? region)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        switch (uri.Scheme.ToLowerInvariant())
        {
            case "http":
            case "https":
                return uri.AbsoluteUri;
            case "s3":
                var key = uri.AbsolutePath.TrimStart('/');
                if (uri.Host.Length == 0 || key.Length == 0)
                    throw new ArgumentException($"'{url}' is not of the form s3://bucket/key.", nameof(url));
                return $"https://{uri.Host}.s3.{region ?? "us-east-1"}.amazonaws.com/{key}";
            default:
                throw new ArgumentException($"'{url}': ROS3 reads http://, https:// and s3:// URLs only.", nameof(url));
        }
    }

    // libhdf5 waits on its connections without a time limit: ask the server first, with one.
    private static void CheckReachable(string address, H5RemoteOptions options)
    {
        using var cts = new CancellationTokenSource(options.ConnectTimeout);
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, address);
            response = Probe.Send(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new H5RemoteAccessException($"'{address}' did not answer within {options.ConnectTimeout.TotalSeconds:0.#} s.", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new H5RemoteAccessException($"Cannot reach '{address}': {e.Message}", inner: e);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new H5FileNotFoundException($"Unable to open '{address}': the server has no such object (HTTP 404).", address);
            // A signed request may be allowed where this unsigned check is not: leave the verdict to libhdf5 then.
            if (!options.Authenticate && (int)response.StatusCode >= 400)
                throw new H5RemoteAccessException($"Unable to open '{address}': HTTP {(int)response.StatusCode} {response.ReasonPhrase}"
                    + (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized ? " (the object is not public: pass credentials in H5RemoteOptions)." : "."));
        }
    }

    // The bytes of an H5FD_ros3_fapl_t (H5FDros3.h, version 1): int32 version; hbool_t authenticate;
    // char aws_region[33]; char secret_id[129]; char secret_key[129]: 296 bytes, offsets 0, 4, 5, 38, 167.
    private static byte[] Ros3Settings(H5RemoteOptions options)
    {
        var fa = new byte[296];
        BitConverter.TryWriteBytes(fa.AsSpan(0, 4), 1);
        if (options.Authenticate)
        {
            if (string.IsNullOrEmpty(options.Region) || string.IsNullOrEmpty(options.AccessKeyId) || string.IsNullOrEmpty(options.SecretAccessKey))
                throw new ArgumentException("Authenticated ROS3 access needs Region, AccessKeyId and SecretAccessKey.", nameof(options));
            fa[4] = 1;
            Put(fa.AsSpan(5, 33), options.Region, "Region");
            Put(fa.AsSpan(38, 129), options.AccessKeyId, "AccessKeyId");
            Put(fa.AsSpan(167, 129), options.SecretAccessKey, "SecretAccessKey");
        }
        return fa;

        static void Put(Span<byte> field, string value, string name)
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            if (bytes.Length >= field.Length)
                throw new ArgumentException($"{name} is longer than libhdf5's {field.Length - 1} characters.", nameof(options));
            bytes.CopyTo(field);
        }
    }
}
