using System.Globalization;
using System.Numerics;

namespace Hdf5.Mapping;

/// <summary>
/// A complex number of two <see cref="float"/>s: numpy's <c>complex64</c>, which h5py stores as a compound
/// <c>{r: float32, i: float32}</c>. (<see cref="Complex"/> is numpy's <c>complex128</c>, stored as
/// <c>{r: float64, i: float64}</c>.) Both are read and written as those compounds.
/// </summary>
/// <param name="Real">The real part (member <c>r</c>).</param>
/// <param name="Imaginary">The imaginary part (member <c>i</c>).</param>
public readonly record struct H5Complex64(float Real, float Imaginary)
{
    /// <summary>Widens to a <see cref="Complex"/>.</summary>
    public static implicit operator Complex(H5Complex64 value) => new(value.Real, value.Imaginary);

    /// <summary>Narrows a <see cref="Complex"/> to single precision (rounding each part).</summary>
    public static explicit operator H5Complex64(Complex value) => new((float)value.Real, (float)value.Imaginary);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Real}{(Imaginary < 0 || float.IsNegative(Imaginary) ? "-" : "+")}{MathF.Abs(Imaginary)}j)");
}
