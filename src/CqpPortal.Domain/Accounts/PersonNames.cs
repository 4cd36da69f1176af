namespace CqpPortal.Domain.Accounts;

/// <summary>
/// A person's name cased as French writes it: each part starts with a capital after a space, a hyphen or an apostrophe
/// (« Da Silva », « Le Gall », « Jean-Pierre », « N'Diaye »), the particles « de », « du », « des », « d' » stay in lower
/// case after the first word (« Giscard d'Estaing »); the other letters are kept as typed (« McDonald »). For data made
/// by the portal (demo names); what a person types about themselves is theirs and kept as typed.
/// </summary>
public static class PersonNames
{
    private static readonly string[] Particles = ["de", "du", "des", "d'", "d’"];

    public static string Cased(string name)
    {
        var text = name.Trim();
        var result = new System.Text.StringBuilder(text.Length);
        var startOfPart = true;
        var word = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                startOfPart = true;
                word++;
                result.Append(c);
                continue;
            }
            if (startOfPart && char.IsLetter(c))
            {
                var particle = word > 0 && (i == 0 || text[i - 1] == ' ') && Particles.Any(p => IsWordAt(text, i, p));
                result.Append(particle ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
                startOfPart = false;
                continue;
            }
            result.Append(c);
            startOfPart = c is '-' or '\'' or '’';
        }
        return result.ToString();
    }

    private static bool IsWordAt(string text, int index, string particle)
    {
        if (string.Compare(text, index, particle, 0, particle.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
        var end = index + particle.Length;
        return particle.EndsWith('\'') || particle.EndsWith('’') || end == text.Length || text[end] == ' ';
    }
}
