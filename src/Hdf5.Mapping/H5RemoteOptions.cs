namespace Hdf5.Mapping;

/// <summary>
/// How to open a file over HTTP(S) or S3 with libhdf5's read-only S3 driver (ROS3): credentials, region and the
/// page buffer (h5py: <c>File(url, driver="ros3", aws_region=..., secret_id=..., secret_key=..., page_buf_size=...)</c>).
/// </summary>
/// <remarks>Anonymous by default. libhdf5 1.10 signs requests with AWS Signature Version 4 when credentials are set,
/// and then needs <see cref="Region"/>; it has no field for a session token, so temporary (STS) credentials cannot be used.</remarks>
public sealed class H5RemoteOptions
{
    /// <summary>The AWS region (e.g. <c>us-west-2</c>): used to sign requests, and to turn an <c>s3://bucket/key</c>
    /// URL into its https address. Defaults to <c>us-east-1</c> for the latter.</summary>
    public string? Region { get; set; }

    /// <summary>The access key id; null for anonymous access.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key; null for anonymous access.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>Page buffer size in bytes (h5py: <c>page_buf_size</c>, the tutorial uses 8 MiB); 0 for none. It holds
    /// whole file-space pages, so a paged file (written with <see cref="H5FileOptions.PageSize"/>) is read with few
    /// requests. Opening a file that is not paged, or whose pages are larger than the buffer, with a page buffer raises
    /// <see cref="H5Exception"/> on every libhdf5 version (1.14.4 and later would otherwise drop or enlarge the buffer
    /// without a word).</summary>
    public long PageBufferSize { get; set; }

    /// <summary>How long the reachability check before opening may take (connection and first response).
    /// libhdf5's own requests have no time limit, so this bounds the common failure: a host that does not answer.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Options from the usual AWS environment variables: <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>,
    /// <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>). Anonymous when the keys are not set.</summary>
    public static H5RemoteOptions FromEnvironment() => new()
    {
        AccessKeyId = Nonempty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")),
        SecretAccessKey = Nonempty(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY")),
        Region = Nonempty(Environment.GetEnvironmentVariable("AWS_REGION")) ?? Nonempty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")),
    };

    private static string? Nonempty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    internal bool Authenticate => AccessKeyId is not null || SecretAccessKey is not null;
}
