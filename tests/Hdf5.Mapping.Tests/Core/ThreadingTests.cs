using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class ThreadingTests : H5TestBase
{
    [Fact]
    public void ParallelWritersOnSeparateFiles_AndReadersOfOneSharedFile_AllSeeTheirOwnData()
    {
        var shared = Files.NewPath("shared.h5");
        using (var f = H5File.Create(shared))
            for (int k = 0; k < 8; k++)
                f.Add($"d{k}", Enumerable.Range(k * 1000, 1000).Select(i => (double)i).ToArray()).Dispose();

        var paths = Enumerable.Range(0, 8).Select(i => Files.NewPath($"w{i}.h5")).ToArray();
        using var sharedFile = H5File.Open(shared);
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                for (int round = 0; round < 5; round++)
                {
                    using (var f = H5File.Create(paths[t]))
                    {
                        f.Attrs.Set("thread", t);
                        f.Add("data", Enumerable.Range(0, 500).Select(i => i * t).ToArray()).Dispose();
                    }
                    using (var f = H5File.Open(paths[t]))
                    using (var ds = f.OpenDataset("data"))
                    {
                        Assert.Equal(t, f.Attrs.Get<int>("thread"));
                        Assert.Equal(499 * t, ds[499].ReadScalar<int>());
                    }
                    using (var ds = sharedFile.OpenDataset($"d{(t + round) % 8}"))
                    {
                        var k = (t + round) % 8;
                        Assert.Equal(k * 1000 + 10.0, ds[10..20].Read<double>()[0]);
                    }
                    // A failing call on one thread must not leak its error into another thread's stack.
                    Assert.Throws<H5LinkNotFoundException>(() => sharedFile.OpenDataset("missing"));
                }
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
        Assert.True(H5Library.IsThreadSafe || H5Library.SerializesCalls);
    }

    [Fact]
    public void LibraryLock_IsUsedExactlyWhenLibhdf5IsNotThreadSafe_OrWhenForced()
    {
        H5Library.EnsureInitialized();
        var forced = Environment.GetEnvironmentVariable(H5Library.ForceLockVariable) == "1";
        Assert.Equal(!H5Library.IsThreadSafe || forced, H5Library.SerializesCalls);
    }
}
