using System.Text;

namespace JobSwipe.InfraLint.Tests.Rules.Secrets;

/// <summary>
/// Builds credential-shaped test values at run time (seeded, deterministic) so that no secret-looking literal sits in
/// the repository; push protection and secret scanners would rightly block such literals.
/// </summary>
public static class FakeSecrets
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Digits = "0123456789";
    public const string Alnum = Upper + Lower + Digits;
    public const string Hex = "0123456789abcdef";
    public const string Base32 = Upper + "234567";
    public const string UrlSafe = Alnum + "_-";

    public static string Random(string alphabet, int length, int seed = 1)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public static string Join(params string[] parts) => string.Concat(parts);

    public static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Each provider's value as a fresh string: (detector id, value).</summary>
    public static IEnumerable<(string Id, string Value)> Valid()
    {
        yield return ("aws-access-key-id", "AK" + "IA" + Random(Base32, 16, 2));
        yield return ("github-token", "gh" + "p_" + Random(Alnum, 36, 3));
        yield return ("github-app-token", "gh" + "s_" + Random(Alnum, 36, 4));
        yield return ("github-fine-grained-pat", "github" + "_pat_" + Random(Alnum + "_", 82, 5));
        yield return ("gitlab-token", "gl" + "pat-" + Random(UrlSafe, 20, 6));
        yield return ("openai-api-key", "sk-" + "proj-" + Random(UrlSafe, 58, 7) + "T3Blbk" + "FJ" + Random(UrlSafe, 58, 8));
        yield return ("anthropic-api-key", "sk-" + "ant-api03-" + Random(UrlSafe, 93, 9) + "AA");
        yield return ("stripe-live-key", "sk" + "_live_" + Random(Alnum, 24, 10));
        yield return ("slack-bot-token", "xo" + "xb-" + Random(Digits, 12, 11) + "-" + Random(Digits, 12, 12) + "-" + Random(Alnum, 24, 13));
        yield return ("slack-webhook", "https://hooks.slack" + ".com/services/T" + Random(Upper + Digits, 8, 14) + "/B" + Random(Upper + Digits, 8, 15) + "/" + Random(Alnum, 24, 16));
        yield return ("gcp-api-key", "AI" + "za" + Random(UrlSafe, 35, 17));
        yield return ("twilio-api-key", "S" + "K" + Random(Hex, 32, 18));
        yield return ("sendgrid-api-key", "S" + "G." + Random(UrlSafe, 22, 19) + "." + Random(UrlSafe, 43, 20));
        yield return ("npm-token", "np" + "m_" + Random(Alnum, 36, 21));
        yield return ("flyio-token", "fo" + "1_" + Random(UrlSafe, 43, 22));
        yield return ("vault-token", "hv" + "s." + Random(UrlSafe, 95, 23));
        yield return ("private-key", PrivateKey(24));
        yield return ("jwt", Jwt("{\"sub\":\"user-" + Random(Digits, 6, 25) + "\",\"role\":\"service\"}", 26));
        yield return ("url-password", "postgresql://app:" + Random(Alnum, 20, 27) + "@db.internal:5432/app");
    }

    /// <summary>
    /// A GitHub- or npm-style token (<c>ghp_</c>, <c>npm_</c>…) whose last six characters are the base62 CRC32 of the 30
    /// random ones, as the providers issue them (computed here with a table, independently of the product's loop).
    /// </summary>
    public static string Checksummed(string prefix, int seed)
    {
        string body = Random(Alnum, 30, seed);
        uint crc = 0xFFFFFFFF;
        foreach (byte b in Encoding.ASCII.GetBytes(body))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        crc = ~crc;
        const string base62 = Digits + Upper + Lower;
        var checksum = new char[6];
        for (int i = 5; i >= 0; i--, crc /= 62)
        {
            checksum[i] = base62[(int)(crc % 62)];
        }

        return prefix + body + new string(checksum);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    public static string PrivateKey(int seed)
    {
        var lines = Enumerable.Range(0, 4).Select(i => Random(Alnum + "+/", 64, seed + i));
        return "-----BEGIN RSA PRIV" + "ATE KEY-----\n" + string.Join('\n', lines) + "\n-----END RSA PRIV" + "ATE KEY-----";
    }

    public static string Jwt(string payloadJson, int seed) =>
        Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64Url(payloadJson) + "." + Random(UrlSafe, 43, seed);

    /// <summary>The secret part of a connection-string value (what a finding must point at).</summary>
    public static string SecretPart(string id, string value) =>
        id == "url-password" ? value[(value.IndexOf(':', value.IndexOf("//", StringComparison.Ordinal)) + 1)..value.IndexOf('@', StringComparison.Ordinal)] : value;
}
