using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Tpublic.h</c> (datatypes). The predefined types (<c>H5T_NATIVE_DOUBLE</c>, ...) are
/// global variables; <see cref="LowLevel.H5Globals"/> reads them.</summary>
public static unsafe partial class H5T
{
    /// <summary><c>H5T_VARIABLE</c>: the size of a variable-length string type.</summary>
    public static readonly nuint Variable = nuint.MaxValue;

    /// <summary><c>H5T_class_t</c></summary>
    public enum Class
    {
        /// <summary>H5T_NO_CLASS</summary>
        NoClass = -1,
        /// <summary>H5T_INTEGER</summary>
        Integer = 0,
        /// <summary>H5T_FLOAT</summary>
        Float = 1,
        /// <summary>H5T_TIME</summary>
        Time = 2,
        /// <summary>H5T_STRING</summary>
        String = 3,
        /// <summary>H5T_BITFIELD</summary>
        Bitfield = 4,
        /// <summary>H5T_OPAQUE</summary>
        Opaque = 5,
        /// <summary>H5T_COMPOUND</summary>
        Compound = 6,
        /// <summary>H5T_REFERENCE</summary>
        Reference = 7,
        /// <summary>H5T_ENUM</summary>
        Enum = 8,
        /// <summary>H5T_VLEN</summary>
        Vlen = 9,
        /// <summary>H5T_ARRAY</summary>
        Array = 10,
    }

    /// <summary><c>H5T_cset_t</c></summary>
    public enum Cset
    {
        /// <summary>H5T_CSET_ASCII</summary>
        Ascii = 0,
        /// <summary>H5T_CSET_UTF8</summary>
        Utf8 = 1,
    }

    /// <summary><c>H5T_str_t</c></summary>
    public enum Str
    {
        /// <summary>H5T_STR_NULLTERM</summary>
        NullTerm = 0,
        /// <summary>H5T_STR_NULLPAD</summary>
        NullPad = 1,
        /// <summary>H5T_STR_SPACEPAD</summary>
        SpacePad = 2,
    }

    /// <summary><c>H5T_sign_t</c></summary>
    public enum Sign
    {
        /// <summary>H5T_SGN_NONE</summary>
        None = 0,
        /// <summary>H5T_SGN_2</summary>
        TwosComplement = 1,
    }

    /// <summary><c>H5T_order_t</c></summary>
    public enum Order
    {
        /// <summary>H5T_ORDER_ERROR</summary>
        Error = -1,
        /// <summary>H5T_ORDER_LE</summary>
        LittleEndian = 0,
        /// <summary>H5T_ORDER_BE</summary>
        BigEndian = 1,
        /// <summary>H5T_ORDER_VAX</summary>
        Vax = 2,
        /// <summary>H5T_ORDER_MIXED</summary>
        Mixed = 3,
        /// <summary>H5T_ORDER_NONE</summary>
        None = 4,
    }

    /// <summary><c>H5T_direction_t</c></summary>
    public enum Direction
    {
        /// <summary>H5T_DIR_DEFAULT</summary>
        Default = 0,
        /// <summary>H5T_DIR_ASCEND</summary>
        Ascend = 1,
        /// <summary>H5T_DIR_DESCEND</summary>
        Descend = 2,
    }

    /// <summary><c>H5T_norm_t</c> (floating-point mantissa normalization)</summary>
    public enum Norm
    {
        /// <summary>H5T_NORM_ERROR</summary>
        Error = -1,
        /// <summary>H5T_NORM_IMPLIED (IEEE: the leading 1 is not stored)</summary>
        Implied = 0,
        /// <summary>H5T_NORM_MSBSET</summary>
        MsbSet = 1,
        /// <summary>H5T_NORM_NONE</summary>
        None = 2,
    }

    /// <summary><c>H5T_pad_t</c> (what unused bits hold)</summary>
    public enum Pad
    {
        /// <summary>H5T_PAD_ERROR</summary>
        Error = -1,
        /// <summary>H5T_PAD_ZERO</summary>
        Zero = 0,
        /// <summary>H5T_PAD_ONE</summary>
        One = 1,
        /// <summary>H5T_PAD_BACKGROUND</summary>
        Background = 2,
    }

    /// <summary><c>hvl_t</c>: one variable-length sequence in memory (its length in elements and where they are).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Hvl
    {
        /// <summary>The number of elements.</summary>
        public nuint Length;
        /// <summary>The elements (allocated by libhdf5 on read; free them with <see cref="H5.FreeMemory"/>).</summary>
        public void* Pointer;
    }

    /// <summary><c>H5Tcreate</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tcreate")]
    public static partial long Create(Class type, nuint size);

    /// <summary><c>H5Tcopy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tcopy")]
    public static partial long Copy(H5Id typeId);

    /// <summary><c>H5Tclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tclose")]
    public static partial int Close(long typeId);

    /// <summary><c>H5Tequal</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tequal")]
    public static partial int Equal(H5Id typeId1, H5Id typeId2);

    /// <summary><c>H5Tdetect_class</c>: whether the type is, or contains, a type of class <paramref name="cls"/> (positive), not (0), or failure (negative).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tdetect_class")]
    public static partial int DetectClass(H5Id typeId, Class cls);

    /// <summary><c>H5Tget_class</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_class")]
    public static partial Class GetClass(H5Id typeId);

    /// <summary><c>H5Tget_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_size")]
    public static partial nuint GetSize(H5Id typeId);

    /// <summary><c>H5Tset_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_size")]
    public static partial int SetSize(H5Id typeId, nuint size);

    /// <summary><c>H5Tget_sign</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_sign")]
    public static partial Sign GetSign(H5Id typeId);

    /// <summary><c>H5Tget_order</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_order")]
    public static partial Order GetOrder(H5Id typeId);

    /// <summary><c>H5Tset_order</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_order")]
    public static partial int SetOrder(H5Id typeId, Order order);

    /// <summary><c>H5Tset_fields</c> (floating-point bit layout).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_fields")]
    public static partial int SetFields(H5Id typeId, nuint spos, nuint epos, nuint esize, nuint mpos, nuint msize);

    /// <summary><c>H5Tset_ebias</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_ebias")]
    public static partial int SetEbias(H5Id typeId, nuint ebias);

    /// <summary><c>H5Tset_precision</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_precision")]
    public static partial int SetPrecision(H5Id typeId, nuint prec);

    /// <summary><c>H5Tget_precision</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_precision")]
    public static partial nuint GetPrecision(H5Id typeId);

    /// <summary><c>H5Tis_variable_str</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tis_variable_str")]
    public static partial int IsVariableStr(H5Id typeId);

    /// <summary><c>H5Tget_cset</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_cset")]
    public static partial Cset GetCset(H5Id typeId);

    /// <summary><c>H5Tset_cset</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_cset")]
    public static partial int SetCset(H5Id typeId, Cset cset);

    /// <summary><c>H5Tget_strpad</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_strpad")]
    public static partial Str GetStrpad(H5Id typeId);

    /// <summary><c>H5Tset_strpad</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_strpad")]
    public static partial int SetStrpad(H5Id typeId, Str strpad);

    /// <summary><c>H5Tget_super</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_super")]
    public static partial long GetSuper(H5Id typeId);

    /// <summary><c>H5Tget_native_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_native_type")]
    public static partial long GetNativeType(H5Id typeId, Direction direction);

    /// <summary><c>H5Tinsert</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tinsert", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Insert(H5Id parentId, string name, nuint offset, H5Id memberId);

    /// <summary><c>H5Tget_nmembers</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_nmembers")]
    public static partial int GetNmembers(H5Id typeId);

    /// <summary><c>H5Tget_member_name</c>; free the result with <see cref="H5.FreeMemory"/>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_member_name")]
    public static partial byte* GetMemberName(H5Id typeId, uint membno);

    /// <summary><c>H5Tget_member_offset</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_member_offset")]
    public static partial nuint GetMemberOffset(H5Id typeId, uint membno);

    /// <summary><c>H5Tget_member_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_member_type")]
    public static partial long GetMemberType(H5Id typeId, uint membno);

    /// <summary><c>H5Tget_member_class</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_member_class")]
    public static partial Class GetMemberClass(H5Id typeId, uint membno);

    /// <summary><c>H5Tget_member_index</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_member_index", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetMemberIndex(H5Id typeId, string name);

    /// <summary><c>H5Tget_member_value</c> (enums).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_member_value")]
    public static partial int GetMemberValue(H5Id typeId, uint membno, void* value);

    /// <summary><c>H5Tenum_create</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tenum_create")]
    public static partial long EnumCreate(H5Id baseId);

    /// <summary><c>H5Tenum_insert</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tenum_insert", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int EnumInsert(H5Id typeId, string name, void* value);

    /// <summary><c>H5Tarray_create2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tarray_create2")]
    public static partial long ArrayCreate2(H5Id baseId, uint ndims, ulong* dim);

    /// <summary><c>H5Tget_array_ndims</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_array_ndims")]
    public static partial int GetArrayNdims(H5Id typeId);

    /// <summary><c>H5Tget_array_dims2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_array_dims2")]
    public static partial int GetArrayDims2(H5Id typeId, ulong* dims);

    /// <summary><c>H5Tvlen_create</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tvlen_create")]
    public static partial long VlenCreate(H5Id baseId);

    /// <summary><c>H5Treclaim</c> (libhdf5 1.12 and later; <c>H5Dvlen_reclaim</c> before).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Treclaim")]
    public static partial int Reclaim(H5Id typeId, H5Id spaceId, H5Id plistId, void* buf);

    /// <summary><c>H5Tcommit2</c>: stores a named (committed) datatype.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tcommit2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Commit2(H5Id locId, string name, H5Id typeId, H5Id lcplId, H5Id tcplId, H5Id taplId);

    /// <summary><c>H5Topen2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Topen2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open2(H5Id locId, string name, H5Id taplId);

    /// <summary><c>H5Tcommitted</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tcommitted")]
    public static partial int Committed(H5Id typeId);

    /// <summary><c>H5Tlock</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tlock")]
    public static partial int Lock(H5Id typeId);

    /// <summary><c>H5Tget_offset</c> (bit offset of the significant bits).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_offset")]
    public static partial int GetOffset(H5Id typeId);

    /// <summary><c>H5Tset_offset</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_offset")]
    public static partial int SetOffset(H5Id typeId, nuint offset);

    /// <summary><c>H5Tget_fields</c> (floating-point bit layout).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_fields")]
    public static partial int GetFields(H5Id typeId, nuint* spos, nuint* epos, nuint* esize, nuint* mpos, nuint* msize);

    /// <summary><c>H5Tget_ebias</c>; 0 on failure.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_ebias")]
    public static partial nuint GetEbias(H5Id typeId);

    /// <summary><c>H5Tget_norm</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_norm")]
    public static partial Norm GetNorm(H5Id typeId);

    /// <summary><c>H5Tget_pad</c> (padding of the bits below and above the significant ones).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_pad")]
    public static partial int GetPad(H5Id typeId, Pad* lsb, Pad* msb);

    /// <summary><c>H5Tget_tag</c> (opaque types); free the result with <see cref="H5.FreeMemory"/>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tget_tag")]
    public static partial byte* GetTag(H5Id typeId);

    /// <summary><c>H5Tset_tag</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tset_tag", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetTag(H5Id typeId, string tag);

    /// <summary><c>H5Tpack</c>: removes the padding between compound members (recursively).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tpack")]
    public static partial int Pack(H5Id typeId);

    /// <summary><c>H5Tconvert</c>: converts <paramref name="nelmts"/> elements in place.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Tconvert")]
    public static partial int Convert(H5Id srcId, H5Id dstId, nuint nelmts, void* buf, void* background, H5Id plistId);
}
