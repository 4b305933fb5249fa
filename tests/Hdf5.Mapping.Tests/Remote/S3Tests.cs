using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Remote;

/// <summary>ROS3 against an S3-compatible server (s3rver) on loopback: anonymous and signed (AWS SigV4) access.</summary>
public sealed class S3Tests : H5TestBase
{
    private byte[] File1()
    {
        var path = Files.NewPath();
        using (var f = H5File.Create(path, options: new H5FileOptions { PageSize = 16 * 1024 }))
        {
            f.Attrs.Set("short_name", "ATL03");
            using (f.Add("gt1l/heights/h_ph", Enumerable.Range(0, 4096).Select(i => i * 0.25).ToArray())) { }
        }
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void AnonymousAndSignedReads_FromAnS3CompatibleServer()
    {
        using var s3 = new S3Server("atl03-bucket");
        s3.Put("granule.h5", File1());

        using (var f = H5File.OpenRemote(s3.Url("granule.h5"), new H5RemoteOptions { PageBufferSize = 1 << 20 }))
        {
            Assert.Equal(["gt1l"], f.Keys);
            Assert.Equal("ATL03", f.Attrs.GetString("short_name"));
            using var h = f.OpenDataset("gt1l/heights/h_ph");
            Assert.Equal([256.0, 256.25, 256.5], h[1024..1027].Read<double>());
        }

        var signed = new H5RemoteOptions { Region = S3Server.Region, AccessKeyId = S3Server.AccessKeyId, SecretAccessKey = S3Server.SecretAccessKey };
        using (var f = H5File.OpenRemote(s3.Url("granule.h5"), signed))
        using (var h = f.OpenDataset("gt1l/heights/h_ph"))
            Assert.Equal(4096, h.Shape[0]);

        // An unknown access key: s3rver rejects the signed request, libhdf5 cannot open the file; its error stack says why.
        // (s3rver checks the key id; that the signature itself is made right is checked against RangeHttpServer.)
        var wrong = new H5RemoteOptions { Region = S3Server.Region, AccessKeyId = "NOBODY", SecretAccessKey = "not-the-secret" };
        var stderr = StderrCapture.Run(() =>
        {
            var e = Assert.ThrowsAny<Exception>(() => H5File.OpenRemote(s3.Url("granule.h5"), wrong));
            Assert.IsAssignableFrom<IH5Exception>(e);
            Assert.NotEmpty(((IH5Exception)e).ErrorStack);
        });
        Assert.Equal("", stderr);
    }

    [Fact]
    public void AMissingKey_IsFileNotFound()
    {
        using var s3 = new S3Server("empty-bucket");
        Assert.Throws<H5FileNotFoundException>(() => H5File.OpenRemote(s3.Url("nothing-here.h5")));
    }
}
