using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Server.Bots.WeCom;

/// <summary>
/// WeCom's callback encryption (加解密方案): msg_signature = SHA-1 (hex) of token, timestamp, nonce and the encrypted
/// text sorted and joined; AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7
/// padding to 32-byte blocks; plaintext = 16 random bytes + 4-byte big-endian length + message + receiveid.
/// </summary>
public static class WeComCrypto
{
    private const int Block = 32;

    /// <summary>The 32-byte key of a valid EncodingAesKey; false for anything else.</summary>
    public static bool TryKey(string encodingAesKey, out byte[] key)
    {
        var buffer = new byte[33];
        key = [];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", buffer, out var written) || written != 32)
        {
            return false;
        }

        key = buffer[..32];
        return true;
    }

    public static byte[] Key(string encodingAesKey) =>
        TryKey(encodingAesKey, out var key) ? key : throw new InvalidOptionsException($"{WeComOptions.Section}:EncodingAesKey is not a valid key (43 base64 characters of a 32-byte key)");

    // SHA-1 is what WeCom's protocol specifies for msg_signature; it is not our choice to make.
#pragma warning disable CA5350
    public static string Signature(string token, string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }
#pragma warning restore CA5350

    /// <summary>True when <paramref name="signature"/> matches, compared in constant time.</summary>
    public static bool Verify(string token, string timestamp, string nonce, string encrypted, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(token, timestamp, nonce, encrypted)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));

    /// <summary>Decrypts; returns the message and the receiveid it was sealed for. Throws <see cref="CryptographicException"/> on anything malformed.</summary>
    public static (string Message, string ReceiveId) Decrypt(byte[] key, string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("encrypted text is not Base64", e);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new CryptographicException("encrypted text is not whole AES blocks");
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length)
        {
            throw new CryptographicException("bad padding");
        }

        var body = plain.AsSpan(0, plain.Length - pad);
        if (body.Length < 20)
        {
            throw new CryptographicException("too short");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(body.Slice(16, 4));
        if (length < 0 || 20 + length > body.Length)
        {
            throw new CryptographicException("bad message length");
        }

        return (Encoding.UTF8.GetString(body.Slice(20, length)), Encoding.UTF8.GetString(body[(20 + length)..]));
    }

    /// <summary>Encrypts a message for <paramref name="receiveId"/> with 16 fresh random bytes in front.</summary>
    public static string Encrypt(byte[] key, string message, string receiveId) => Encrypt(key, message, receiveId, RandomNumberGenerator.GetBytes(16));

    internal static string Encrypt(byte[] key, string message, string receiveId, byte[] random)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = 16 + 4 + text.Length + id.Length;
        var pad = Block - (length % Block);
        var plain = new byte[length + pad];
        random.CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), text.Length);
        text.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + text.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
