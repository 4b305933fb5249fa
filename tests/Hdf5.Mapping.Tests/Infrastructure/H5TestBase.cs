namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// Base of tests that touch libhdf5: gives a temp folder and, after each test, asserts that no HDF5 object
/// (file, group, dataset, datatype, attribute) is left open in the process (H5Fget_obj_count). Test classes
/// run one at a time (xunit.runner.json), so the process-wide count belongs to the test that just ran.
/// </summary>
public abstract class H5TestBase : IDisposable
{
    protected H5TestBase() => Files = new TempFiles();

    protected TempFiles Files { get; }

    protected virtual bool CheckOpenObjects => true;

    public virtual void Dispose()
    {
        if (CheckOpenObjects)
        {
            var open = H5File.OpenObjectCountInProcess;
            if (open != 0)
            {
                var which = H5File.DescribeOpenObjects();
                // Leave the process clean for the next test, then fail this one.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Assert.Fail($"{open} HDF5 object(s) left open by the test (dispose every file, group, dataset and attribute): {which}");
            }
        }
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}
