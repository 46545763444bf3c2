using System.IO.Compression;

namespace LyncConfigVault.Formats;

/// <summary>A ZIP entry's decompressing stream that closes its archive with it.</summary>
internal sealed class EntryStream(ZipArchive zip, ZipArchiveEntry entry) : Stream
{
    private readonly Stream _inner = entry.Open();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => entry.Length;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            zip.Dispose();
        }

        base.Dispose(disposing);
    }
}
