namespace Hdf5.Mapping;

/// <summary>What an <see cref="H5Progress"/> counts.</summary>
public enum H5ProgressUnit
{
    /// <summary>Bytes of element data in memory (the size of the .NET elements moved): the same unit for every
    /// element type, so a rate reads as MiB/s whatever the dataset holds.</summary>
    Bytes,

    /// <summary>Objects (groups, datasets, named datatypes) of a walk over a file: listing, describing, scaffolding,
    /// validating.</summary>
    Objects,
}

/// <summary>How far a long operation has come, reported through <see cref="IProgress{T}"/>: bulk reads, writes and
/// copies of datasets report <see cref="H5ProgressUnit.Bytes"/> after each block, walks over a file report
/// <see cref="H5ProgressUnit.Objects"/> as each object is reached.</summary>
/// <param name="Done">How many units are done.</param>
/// <param name="Total">How many there are in all; null when not known (a walk whose objects could not be counted).</param>
/// <param name="Unit">What <paramref name="Done"/> and <paramref name="Total"/> count.</param>
/// <param name="Item">What is being worked on: the path of the object reached, or the dataset being transferred.</param>
public readonly record struct H5Progress(long Done, long? Total, H5ProgressUnit Unit, string? Item = null)
{
    /// <summary>The part done, from 0 to 1; null when <see cref="Total"/> is not known. An empty transfer is complete.</summary>
    public double? Fraction => Total switch
    {
        null => null,
        <= 0 => 1.0,
        { } total => Math.Min(1.0, (double)Done / total),
    };
}
