namespace Hdf5.Mapping.Schema;

/// <summary>A dimension scale a schema expects attached to one dimension of a dataset.</summary>
/// <param name="Dimension">The host dataset's dimension.</param>
/// <param name="ScaleName">The scale dataset's name, relative to the host's group.</param>
/// <param name="Label">The dimension label, or null when any label will do.</param>
public sealed record H5ScaleAttachmentSchema(int Dimension, string ScaleName, string? Label = null);
