using System.Collections.Concurrent;

namespace Hdf5.Mapping;

/// <summary>
/// Registers the HDF5 compound type of a struct, so reads and writes of it need no reflection. The source
/// generator emits these calls from a module initializer; hand-written code may call it too. A registration
/// must describe the struct's memory exactly (size and member offsets as .NET lays the struct out:
/// <c>Unsafe.SizeOf</c> and <c>Unsafe.ByteOffset</c>), and must happen before the struct's first use: the type of
/// a struct is built once, at its first read or write.
/// </summary>
public static class H5TypeRegistry
{
    internal static readonly ConcurrentDictionary<Type, Func<H5Datatype>> Factories = new();
    internal static readonly ConcurrentDictionary<Type, Func<object>> ElementFactories = new();

    /// <summary>Registers the datatype factory of <typeparamref name="T"/> (the last registration wins).</summary>
    public static void Register<T>(Func<H5Datatype> factory) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factories[typeof(T)] = factory;
    }

    /// <summary>Registers the element type of <typeparamref name="T"/> (a class or struct with strings, sequences or other
    /// members that are not blittable), which <see cref="H5ElementType.Of{T}"/> then returns; the source generator
    /// registers the element types of the records it maps. The factory runs once, at the first use of the type.</summary>
    public static void RegisterElementType<T>(Func<H5ElementType<T>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ElementFactories[typeof(T)] = factory;
    }

    /// <summary>Whether <typeparamref name="T"/> has a registered datatype.</summary>
    public static bool IsRegistered<T>() where T : unmanaged => Factories.ContainsKey(typeof(T));
}
