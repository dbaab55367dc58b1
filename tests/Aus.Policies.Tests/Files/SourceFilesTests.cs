using System.Text;
using Aus.Policies.Files;
using Aus.Policies.Organizations;

namespace Aus.Policies.Tests.Files;

public sealed class SourceFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aus-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task LoadAsync_MissingFile_IsUnreadable()
    {
        var path = Path.Combine(_dir, "nope.yaml");

        var document = await OrganizationReader.ReadFileAsync(path, CancellationToken.None);

        document.IsUnreadable.ShouldBeTrue();
        document.Diagnostics.Single().ToString().ShouldBe($"{path}: error: no such file");
    }

    [Fact]
    public async Task LoadAsync_Directory_IsUnreadable()
    {
        var source = await SourceFiles.LoadAsync(_dir, CancellationToken.None);

        source.IsReadable.ShouldBeFalse();
        source.Error!.Message.ShouldBe("is a directory; give the files in it, or the directory to 'aus validate'");
    }

    [Fact]
    public async Task LoadAsync_FileOverTenMebibytes_IsUnreadable()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        await using (var stream = File.Create(path))
        {
            stream.SetLength(SourceFiles.MaxBytes + 1);
        }

        var source = await SourceFiles.LoadAsync(path, CancellationToken.None);

        source.Error!.Message.ShouldBe("the file is 10485761 bytes; policy files may be at most 10 MiB");
    }

    [Fact]
    public void Decode_NulBytes_AreBinary()
    {
        SourceFiles.Decode("f", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]).Error!.Message
            .ShouldBe("the file is binary (it contains NUL bytes); expected YAML or JSON text");
    }

    [Fact]
    public void Decode_InvalidUtf8_IsRefused()
    {
        SourceFiles.Decode("f", [0x6E, 0x61, 0xFF, 0xFE, 0x3A]).Error!.Message
            .ShouldBe("the file is not valid UTF-8 text; expected YAML or JSON in UTF-8");
    }

    [Fact]
    public void Decode_ByteOrderMark_IsDropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("name: a")).ToArray();

        SourceFiles.Decode("f", bytes).Text.ShouldBe("name: a");
    }

    [Fact]
    public void Read_TextWithNul_IsBinary()
    {
        var document = OrganizationReader.Read("name: a\0", "f.yaml");

        document.IsUnreadable.ShouldBeTrue();
        document.Diagnostics.Single().ToString().ShouldBe("f.yaml: error: the file is binary (it contains NUL bytes); expected YAML or JSON text");
    }

    [Theory]
    [InlineData("organizations: []\n", PolicyFileKind.Fleet)]
    [InlineData("versionGates: []\n", PolicyFileKind.Fleet)]
    [InlineData("{\"versions\": {}}", PolicyFileKind.History)]
    [InlineData("{\"check_in\": \"2026-01-01T00:00:00+00:00\"}", PolicyFileKind.History)]
    [InlineData("name: a\norgId: b\n", PolicyFileKind.Organization)]
    [InlineData("- a\n", PolicyFileKind.Organization)]
    [InlineData("name: [\n", PolicyFileKind.Organization)]
    [InlineData("{}", PolicyFileKind.History)]
    [InlineData("{}\n", PolicyFileKind.History)]
    [InlineData("environments: []\n", PolicyFileKind.Settings)]
    public void Classify_TellsKindsApartByTopLevelKeys(string text, PolicyFileKind kind)
    {
        PolicyFiles.Classify(text).ShouldBe(kind);
    }

    [Fact]
    public void Validate_AnEmptyHistory_IsValid()
    {
        var (kind, diagnostics, _) = PolicyFiles.Validate(new SourceText("h.json", "{}", null));

        kind.ShouldBe(PolicyFileKind.History);
        diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, false, 0)]
    [InlineData(false, true, 1)]
    [InlineData(true, false, 2)]
    [InlineData(true, true, 2)]
    public void ExitStatus_UnreadableOutranksInvalid(bool unreadable, bool invalid, int status)
    {
        ExitStatus.Of(unreadable, invalid).ShouldBe(status);
    }

    [Fact]
    public void ExitStatus_OfDocuments_ASyntaxErrorIsInvalid_AMissingFileIsUnreadable()
    {
        var syntax = OrganizationReader.Read("name: [\n", "a.yaml");
        var missing = new OrganizationDocument("b.yaml", null, [], []) { IsUnreadable = true };

        ExitStatus.Of(unreadable: syntax.IsUnreadable, invalid: syntax.HasErrors).ShouldBe(ExitStatus.Invalid);
        ExitStatus.Of(unreadable: missing.IsUnreadable, invalid: missing.HasErrors).ShouldBe(ExitStatus.UsageOrUnreadable);
    }
    [Fact]
    public async Task LoadAsync_Fifo_IsRefusedWithoutWaitingForAWriter()
    {
        var path = Path.Combine(_dir, "org.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.ShouldBe(0);
        }

        // The bound only keeps a regression from hanging the test run; it asserts no timing.
        var source = await SourceFiles.LoadAsync(path, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        source.IsReadable.ShouldBeFalse();
        source.Error!.Message.ShouldBe("is not a regular file (a named pipe); expected a YAML or JSON file");
    }

    [Fact]
    public async Task LoadAsync_DevZero_IsRefused_NotReadUntilMemoryRunsOut()
    {
        var source = await SourceFiles.LoadAsync("/dev/zero", CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        source.IsReadable.ShouldBeFalse();
        source.Error!.Message.ShouldBe("is not a regular file (a character device); expected a YAML or JSON file");
    }

    [Fact]
    public async Task LoadAsync_ASymlinkToARegularFile_IsRead()
    {
        var target = Path.Combine(_dir, "target.yaml");
        await File.WriteAllTextAsync(target, "name: x\n");
        var link = Path.Combine(_dir, "link.yaml");
        File.CreateSymbolicLink(link, target);

        (await SourceFiles.LoadAsync(link, CancellationToken.None)).Text.ShouldBe("name: x\n");
    }

    [Fact]
    public async Task ReadBounded_StopsAtTheLimit_WhateverTheReportedLength()
    {
        // A stream that never ends, like a device or a file growing while it is read.
        await using var endless = new EndlessStream();

        var bytes = await SourceFiles.ReadBoundedAsync(endless, 1000, CancellationToken.None);

        bytes.Length.ShouldBe(1001);
    }

    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => 0;

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
