using System.Buffers;
using System.Text;
using Aus.Policies.Diagnostics;

namespace Aus.Policies.Files;

/// <summary>
/// Reads policy files as UTF-8 text, refusing what cannot be a policy file (too large, binary, not
/// UTF-8) with a clear message instead of an exception.
/// </summary>
public static class SourceFiles
{
    /// <summary>The largest file aus reads: far above any real policy file, far below what would hurt.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<SourceText> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return Unreadable(path, PolicyMessages.IsADirectory);
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Unreadable(path, PolicyMessages.FileNotFound);
        }

        if (FileType.DescribeSpecial(path) is { } special)
        {
            return Unreadable(path, PolicyMessages.NotARegularFile(special));
        }

        if (info.Length > MaxBytes)
        {
            return Unreadable(path, PolicyMessages.TooLarge(info.Length));
        }

        byte[] bytes;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
            bytes = await ReadBoundedAsync(stream, MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, PolicyMessages.CannotRead(e.Message));
        }

        return bytes.Length > MaxBytes ? Unreadable(path, PolicyMessages.LargerThanLimit) : Decode(path, bytes);
    }

    /// <summary>
    /// Reads at most <paramref name="limit"/> + 1 bytes: one more than allowed tells a file over the
    /// limit, whatever length it reports (a device, a file still growing).
    /// </summary>
    public static async Task<byte[]> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // Sized to the file when its length is known, so that a large file is not copied as the buffer grows.
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 0, limit + 1) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (buffer.Length <= limit)
            {
                var wanted = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
                var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes file content, with the same checks as <see cref="LoadAsync"/>.</summary>
    public static SourceText Decode(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return Unreadable(file, PolicyMessages.TooLarge(bytes.Length));
        }

        if (bytes.Contains((byte)0))
        {
            return Unreadable(file, PolicyMessages.Binary);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Unreadable(file, PolicyMessages.NotUtf8);
        }

        // A byte order mark is allowed and not part of the content.
        return new SourceText(file, text.StartsWith('\uFEFF') ? text[1..] : text, null);
    }

    /// <summary>Checks text given directly (not from a file) as a file would be checked.</summary>
    internal static Diagnostic? CheckText(string file, string text)
    {
        if (text.Length > MaxBytes)
        {
            return FileError(file, PolicyMessages.TooLarge(Encoding.UTF8.GetByteCount(text)));
        }

        return text.Contains('\0', StringComparison.Ordinal) ? FileError(file, PolicyMessages.Binary) : null;
    }

    internal static Diagnostic FileError(string file, string message) => new(file, 0, 0, DiagnosticSeverity.Error, message);

    internal static Diagnostic FileWarning(string file, string message) => new(file, 0, 0, DiagnosticSeverity.Warning, message);

    private static SourceText Unreadable(string file, string message) => new(file, null, FileError(file, message));
}
