using System.Buffers.Binary;
using System.Text;
using JobSwipe.InfraLint.Tests.Infrastructure;
using JobSwipe.InfraLint.Workspace;

namespace JobSwipe.InfraLint.Tests.Workspace;

public class GitIndexTests
{
    // Builds an index file the way git writes it (documentation/gitformat-index).
    private static byte[] Build(int version, params string[] paths)
    {
        var data = new List<byte>();
        data.AddRange("DIRC"u8.ToArray());
        data.AddRange(BigEndian32((uint)version));
        data.AddRange(BigEndian32((uint)paths.Length));
        byte[] previous = [];
        foreach (string p in paths)
        {
            int start = data.Count;
            data.AddRange(new byte[40]); // ctime, mtime, dev, ino, mode, uid, gid, size
            data.AddRange(Enumerable.Range(0, 20).Select(i => (byte)i)); // object id
            byte[] path = Encoding.UTF8.GetBytes(p);
            bool extended = version >= 3 && p.Contains("intent", StringComparison.Ordinal);
            data.AddRange(BigEndian16((ushort)(Math.Min(path.Length, 0xfff) | (extended ? 0x4000 : 0))));
            if (extended)
            {
                data.AddRange(BigEndian16(0x2000));
            }

            if (version == 4)
            {
                int common = 0;
                while (common < previous.Length && common < path.Length && previous[common] == path[common])
                {
                    common++;
                }

                data.AddRange(OffsetVarint(previous.Length - common));
                data.AddRange(path[common..]);
                data.Add(0);
            }
            else
            {
                data.AddRange(path);
                int length = data.Count - start + 1;
                int padded = (length + 7) & ~7;
                data.AddRange(new byte[padded - length + 1]);
            }

            previous = path;
        }

        data.AddRange(new byte[20]); // trailing checksum (not verified)
        return [.. data];
    }

    private static byte[] BigEndian32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    private static byte[] BigEndian16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, v);
        return b;
    }

    private static byte[] OffsetVarint(int value)
    {
        var bytes = new List<byte> { (byte)(value & 0x7f) };
        while ((value >>= 7) != 0)
        {
            value--;
            bytes.Insert(0, (byte)(0x80 | (value & 0x7f)));
        }

        return [.. bytes];
    }

    private static readonly string[] Paths = [".env.production", "backend/.env.production", "backend/app/main.py", "backend/app/settings.py", "intent-to-add.env", new string('d', 140) + "/long.env"];

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Reads_every_path_of_each_format(int version) =>
        Assert.That(GitIndex.Parse(Build(version, Paths)), Is.EquivalentTo(Paths));

    [Test]
    public void Rejects_what_is_not_an_index() =>
        Assert.That(() => GitIndex.Parse("PACK\0\0\0\u0002"u8.ToArray()), Throws.TypeOf<FormatException>());

    [Test]
    public void Follows_a_gitdir_file_and_returns_null_outside_a_checkout()
    {
        using var repo = new TempRepository();
        Assert.That(GitIndex.TryReadTrackedPaths(repo.Root), Is.Null);

        repo.WriteBytes("real-git-dir/index", Build(2, ".env.production"));
        repo.Write(".git", "gitdir: real-git-dir\n");
        Assert.That(GitIndex.TryReadTrackedPaths(repo.Root), Is.EquivalentTo(new[] { ".env.production" }));
    }
}
