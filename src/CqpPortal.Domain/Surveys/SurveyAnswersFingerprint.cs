using System.Security.Cryptography;
using System.Text;

namespace CqpPortal.Domain.Surveys;

/// <summary>
/// What the answers file for SIST holds, in short: the number of answers and a hash of every line as it would be
/// written (cahier des charges: « intégration des réponses dans un fichier […] transmission de ce fichier à SIST au fur
/// et à mesure des collectes »). A new file is made only when this changes: a new answer, an answer corrected by an
/// import, a holder's name corrected — whatever changes a cell — and never when nothing did. The hash holds no
/// personal data that could be read back.
/// </summary>
public sealed record SurveyAnswersFingerprint(int Answers, string Hash)
{
    public static SurveyAnswersFingerprint Of(IEnumerable<IReadOnlyList<string>> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var line in lines)
        {
            count++;
            foreach (var cell in line)
            {
                // Each cell with its length first, so that ("ab", "c") and ("a", "bc") differ.
                var bytes = Encoding.UTF8.GetBytes(cell ?? "");
                hash.AppendData(BitConverter.GetBytes(bytes.Length));
                hash.AppendData(bytes);
            }
            hash.AppendData([0xFF]);
        }
        return new SurveyAnswersFingerprint(count, Convert.ToHexStringLower(hash.GetHashAndReset())[..32]);
    }

    /// <summary>"12-ab34…": stored with the file, read back by <see cref="TryParse"/>.</summary>
    public override string ToString() => $"{Answers}-{Hash}";

    public static SurveyAnswersFingerprint? TryParse(string? text)
    {
        var dash = text?.IndexOf('-') ?? -1;
        return dash > 0 && int.TryParse(text![..dash], out var answers) && text.Length > dash + 1
            ? new SurveyAnswersFingerprint(answers, text[(dash + 1)..])
            : null;
    }

    /// <summary>A new file is made when there is none yet, or when the answers no longer match the latest file.</summary>
    public static bool NeedsNewFile(SurveyAnswersFingerprint? latestFile, SurveyAnswersFingerprint now) => latestFile != now;
}
