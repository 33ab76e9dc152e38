using System.Text.Json;

namespace ThiDua.Bot.Channels;

/// <summary>JSON strings as the channels read them from outside: a string no .NET text can hold is no string.</summary>
internal static class JsonStrings
{
    /// <summary>The string's text; false for a lone surrogate escape ("\ud800"), which GetString cannot transcode.</summary>
    public static bool TryGet(JsonElement element, out string? value)
    {
        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }
}
