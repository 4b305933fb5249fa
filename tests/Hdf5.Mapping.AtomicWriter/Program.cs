using Hdf5.Mapping;
using Hdf5.Mapping.AtomicWriter;

// Usage: Hdf5.Mapping.AtomicWriter PATH — rewrites PATH with versions 2, 3, ... (each 32 MiB) until killed.
//        Hdf5.Mapping.AtomicWriter PATH swmr — builds a file for SWMR writing at PATH, says "building" from inside the
//        build and waits there until killed.
if (args.Length > 1 && args[1] == "swmr")
{
    using var file = H5File.CreateForSwmrWrite(args[0], f =>
    {
        f.Add("values", new double[1024]).Dispose();
        f.Flush();
        Console.WriteLine("building");
        Thread.Sleep(Timeout.Infinite);
    });
    return;
}

for (int version = 2; ; version++)
{
    var snapshot = new Snapshot { Version = version, Values = new double[4096, 1024] };
    snapshot.Values[4095, 1023] = version; // the last element tells which version a complete file holds
    snapshot.Write(args[0]);
    Console.WriteLine(version);
}
