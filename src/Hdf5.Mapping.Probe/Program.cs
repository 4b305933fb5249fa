// The untrusted-mode probe: `check PATH [--no-data] [--max-elements N]` reads the file and prints one JSON line.
// Everything it does lives in the library (H5UntrustedFile.RunProbe), where it is tested.
return Hdf5.Mapping.H5UntrustedFile.RunProbe(args, Console.Out);
