using System.Text;

namespace JobSwipe.InfraLint.Tests.Infrastructure;

/// <summary>
/// Writes a tree of hostile files (issue "Parsers", "Bad input") beside valid ones: an alias bomb, 20,000-deep
/// nesting, an unterminated TOML string, an unterminated heredoc, NUL bytes, a 30 MB file, a symbolic link loop,
/// and names with spaces and non-ASCII characters. Shared by the engine test and the MSBuild integration test.
/// </summary>
public static class HostileTree
{
    /// <summary>Relative paths that must be reported as JSI0001 (cannot be parsed).</summary>
    public static readonly string[] Unparsable =
    [
        "bomb/docker-compose.yml",
        "deep/docker-compose.yml",
        "deep/compose.flow.yml",
        "fly/fly.toml",
        "heredoc/Dockerfile",
    ];

    /// <summary>Relative paths that must be reported as JSI0003 (skipped).</summary>
    public static readonly string[] Skipped =
    [
        "binary/.env",
        "huge/deploy.sh",
        "loop/again",
    ];

    /// <summary>A valid file in a folder with spaces and non-ASCII characters, with one duplicate key (JSI2002) at line 5.</summary>
    public const string ValidComposePath = "dir with spaces/ünïcödé/docker-compose.yml";

    /// <summary>Writes the tree; returns false when symbolic links cannot be created (the loop is then missing).</summary>
    public static bool Write(string root)
    {
        void Write(string relative, string content)
        {
            string full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 0; i < 9; i++)
        {
            char previous = (char)('a' + i), next = (char)('b' + i);
            bomb.Append(next).Append(": &").Append(next).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        Write("bomb/docker-compose.yml", "x-bomb:\n" + string.Join('\n', bomb.ToString().Split('\n').Select(l => l.Length == 0 ? l : "  " + l)) + "services: {}\n");
        Write("deep/docker-compose.yml", "services:\n  x:\n    labels: " + new string('[', 20_000) + new string(']', 20_000) + "\n");
        var nested = new StringBuilder("services:\n");
        for (int i = 0; i < 20_000; i++)
        {
            nested.Append("{a: ");
        }

        Write("deep/compose.flow.yml", nested.ToString());
        Write("fly/fly.toml", "app = \"demo\nprimary_region = \"ams\"\n");
        Write("heredoc/Dockerfile", "FROM alpine:3.20\nRUN <<EOF\necho never closed\n");
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "binary")).FullName, ".env"), [0x41, 0x3D, 0x00, 0x31]);
        using (var huge = File.Create(Path.Combine(Directory.CreateDirectory(Path.Combine(root, "huge")).FullName, "deploy.sh")))
        {
            var line = Encoding.UTF8.GetBytes("echo 'this script is far too large to lint'\n");
            for (long written = 0; written < 30L * 1024 * 1024; written += line.Length)
            {
                huge.Write(line);
            }
        }

        Write(ValidComposePath, "services:\n  api:\n    image: api:1.2.3\n    environment:\n      A: 1\n      A: 2\n");
        Write("valid/Dockerfile", "FROM alpine:3.20\nRUN echo ok\n");
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "loop"));
            Directory.CreateSymbolicLink(Path.Combine(root, "loop", "again"), Path.Combine(root, "loop"));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
