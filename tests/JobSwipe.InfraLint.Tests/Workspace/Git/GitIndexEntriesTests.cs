using System.Buffers.Binary;
using System.Text;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace.Git;

public sealed class GitIndexEntriesTests
{
    private const int Regular = 0x81A4;    // 0100644
    private const int Executable = 0x81ED; // 0100755
    private const int Symlink = 0xA000;    // 0120000

    /// <summary>Writes an index the way git does: header, entries (v2/v3 padded, v4 prefix-compressed), no extensions, a fake checksum.</summary>
    internal static byte[] Build(int version, IEnumerable<(string Path, int Mode, int Stage, bool Extended)> entries, int hashLength = 20)
    {
        var list = entries.ToList();
        using var stream = new MemoryStream();
        stream.Write("DIRC"u8);
        WriteUInt32(stream, (uint)version);
        WriteUInt32(stream, (uint)list.Count);
        byte[] previous = [];
        foreach (var (path, mode, stage, extended) in list)
        {
            long start = stream.Position;
            stream.Write(new byte[24]); // ctime, mtime, dev, ino
            WriteUInt32(stream, (uint)mode);
            stream.Write(new byte[12]); // uid, gid, size
            stream.Write(Enumerable.Repeat((byte)0xAB, hashLength).ToArray());
            byte[] name = Encoding.UTF8.GetBytes(path);
            int flags = Math.Min(name.Length, 0xFFF) | (stage << 12) | (extended ? 0x4000 : 0);
            WriteUInt16(stream, (ushort)flags);
            if (extended)
            {
                WriteUInt16(stream, 0x2000); // intent-to-add
            }

            if (version == 4)
            {
                int common = 0;
                while (common < previous.Length && common < name.Length && previous[common] == name[common])
                {
                    common++;
                }

                WriteVarint(stream, previous.Length - common);
                stream.Write(name.AsSpan(common));
                stream.WriteByte(0);
            }
            else
            {
                stream.Write(name);
                long length = stream.Position - start;
                long padded = (length + 8) & ~7L;
                stream.Write(new byte[padded - length]);
            }

            previous = name;
        }

        stream.Write(new byte[20]);
        return stream.ToArray();
    }

    private static void WriteUInt32(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        s.Write(b);
    }

    private static void WriteUInt16(Stream s, ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, v);
        s.Write(b);
    }

    private static void WriteVarint(Stream s, int value)
    {
        var bytes = new List<byte> { (byte)(value & 0x7F) };
        while ((value >>= 7) != 0)
        {
            value--;
            bytes.Insert(0, (byte)(0x80 | (value & 0x7F)));
        }

        s.Write(bytes.ToArray());
    }

    private static readonly (string, int, int, bool)[] Sample =
    [
        ("README.md", Regular, 0, false),
        ("scripts/deploy_backend.sh", Executable, 0, false),
        ("scripts/deploy_mobile.sh", Regular, 0, false),
        ("scripts/link", Symlink, 0, false),
        ("z/ünïcode name.sh", Executable, 0, false),
    ];

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Modes_and_paths_are_read_in_every_version(int version)
    {
        var index = GitIndex.TryParseEntries(Build(version, Sample));
        Assert.That(index, Is.Not.Null);
        Assert.That(index!.Version, Is.EqualTo(version));
        Assert.That(index.Entries.Select(e => e.Path), Is.EqualTo(Sample.Select(s => s.Item1)));
        Assert.That(index.Find("scripts/deploy_backend.sh")!.Value.IsExecutable, Is.True);
        Assert.That(index.Find("scripts/deploy_mobile.sh")!.Value.IsExecutable, Is.False);
        Assert.That(index.Find("scripts/link")!.Value.IsRegularFile, Is.False);
        Assert.That(index.Find("z/ünïcode name.sh")!.Value.IsExecutable, Is.True);
        Assert.That(index.Find("missing.sh"), Is.Null);
    }

    [Test]
    public void Version_3_extended_flags_are_skipped()
    {
        var index = GitIndex.TryParseEntries(Build(3, [("a.sh", Regular, 0, true), ("b.sh", Executable, 0, false), ("c.sh", Executable, 0, true)]));
        Assert.That(index!.Entries.Select(e => (e.Path, e.IsExecutable)), Is.EqualTo(new[] { ("a.sh", false), ("b.sh", true), ("c.sh", true) }));
    }

    [Test]
    public void Version_4_long_shared_prefixes_use_multi_byte_varints()
    {
        string dir = new string('d', 300) + "/";
        var entries = new (string, int, int, bool)[] { (dir + "a.sh", Regular, 0, false), (dir + "b.sh", Executable, 0, false), ("e.sh", Executable, 0, false) };
        var index = GitIndex.TryParseEntries(Build(4, entries));
        Assert.That(index!.Entries.Select(e => e.Path), Is.EqualTo(entries.Select(e => e.Item1)));
    }

    [Test]
    public void Conflicted_entries_keep_stage_zero_or_the_first_stage()
    {
        var index = GitIndex.TryParseEntries(Build(2, [("x.sh", Regular, 1, false), ("x.sh", Executable, 2, false), ("x.sh", Regular, 3, false)]));
        Assert.That(index!.Find("x.sh")!.Value.Stage, Is.EqualTo(1));
    }

    [Test]
    public void Sha256_indexes_are_read_with_32_byte_hashes()
    {
        var index = GitIndex.TryParseEntries(Build(2, Sample, 32), 32);
        Assert.That(index!.Find("scripts/deploy_backend.sh")!.Value.IsExecutable, Is.True);
    }

    [Test]
    public void Malformed_input_gives_null()
    {
        byte[] good = Build(2, Sample);
        Assert.That(GitIndex.TryParseEntries([]), Is.Null);
        Assert.That(GitIndex.TryParseEntries("DIRX\0\0\0\u0002\0\0\0\0"u8), Is.Null);
        Assert.That(GitIndex.TryParseEntries(good.AsSpan(0, 70)), Is.Null, "truncated entry");
        byte[] badVersion = (byte[])good.Clone();
        badVersion[7] = 9;
        Assert.That(GitIndex.TryParseEntries(badVersion), Is.Null);
        byte[] hugeCount = (byte[])good.Clone();
        hugeCount[8] = 0x7F;
        Assert.That(GitIndex.TryParseEntries(hugeCount), Is.Null);
        var random = new Random(42);
        for (int i = 0; i < 200; i++)
        {
            byte[] fuzz = (byte[])good.Clone();
            fuzz[12 + random.Next(fuzz.Length - 12)] = (byte)random.Next(256);
            Assert.DoesNotThrow(() => GitIndex.TryParseEntries(fuzz));
        }
    }

    [Test]
    public void The_index_of_the_checkout_holding_a_root_is_found_with_the_roots_prefix()
    {
        string top = Path.Combine(Path.GetTempPath(), "infralint-gitindex", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(top, ".git"));
            Directory.CreateDirectory(Path.Combine(top, "sub", "app"));
            File.WriteAllBytes(Path.Combine(top, ".git", "index"), Build(2, [("sub/app/run.sh", Executable, 0, false)]));
            var found = GitIndex.TryReadEntriesForRoot(Path.Combine(top, "sub", "app"));
            Assert.That(found, Is.Not.Null);
            Assert.That(found!.Value.Prefix, Is.EqualTo("sub/app/"));
            Assert.That(found.Value.Index.Find(found.Value.Prefix + "run.sh")!.Value.IsExecutable, Is.True);

            // A worktree's .git file names its git directory.
            string worktree = Path.Combine(top, "wt");
            Directory.CreateDirectory(worktree);
            Directory.CreateDirectory(Path.Combine(top, ".git", "worktrees", "wt"));
            File.WriteAllBytes(Path.Combine(top, ".git", "worktrees", "wt", "index"), Build(4, [("x.sh", Regular, 0, false)]));
            File.WriteAllText(Path.Combine(worktree, ".git"), "gitdir: ../.git/worktrees/wt\n");
            Assert.That(GitIndex.TryReadEntriesForRoot(worktree)!.Value.Index.Find("x.sh")!.Value.IsExecutable, Is.False);
        }
        finally
        {
            Directory.Delete(top, true);
        }
    }
}
