using Hdf5.Mapping.Native;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Datatypes;

/// <summary>The process-wide cache of memory types creates each type once, even when many threads use a type for
/// the first time together.</summary>
public sealed class TypeCacheTests : H5TestBase
{
    public struct Probe<TTag>
    {
        public long A;
        public bool B;
        public double C;
    }

    private struct T0; private struct T1; private struct T2; private struct T3; private struct T4;
    private struct T5; private struct T6; private struct T7; private struct T8; private struct T9;

    [Fact]
    public void EightThreadsUsingAStructForTheFirstTime_ShareOneDatatypeId()
    {
        // Each Probe<Tn> is a type this process has never used: ten cold starts.
        Check<T0>(); Check<T1>(); Check<T2>(); Check<T3>(); Check<T4>();
        Check<T5>(); Check<T6>(); Check<T7>(); Check<T8>(); Check<T9>();
    }

    private static void Check<TTag>()
    {
        // libhdf5 numbers the ids of a kind in sequence: every datatype id made between two markers lies between them.
        using var before = H5Datatype.Native<double>();
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            using var t = H5Datatype.Native<Probe<TTag>>(); // a copy of the cached type: the cache is filled here
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        using var after = H5Datatype.Native<double>();
        var open = 0;
        for (var id = before.Id.Value + 1; id < after.Id.Value; id++)
            if (H5I.IsValid(id) > 0) open++;
        Assert.Equal(1, open); // the one cached memory type: nothing duplicated, nothing leaked
    }
}
