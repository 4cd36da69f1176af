using System.Text.Json;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Web.Prerequisites;

/// <summary>
/// Reads the JSON body of POST /api/prerequisites/check field by field, so that each bad field gets its own French
/// message (a plain deserializer stops at the first one). Wire values are the contract's: "inbound-call-centre", "vae"…
/// </summary>
public static class PrerequisiteRequest
{
    public const int MaxMonths = 600;

    public static readonly IReadOnlyDictionary<string, PhoneJobKind> Kinds = new Dictionary<string, PhoneJobKind>
    {
        ["switchboard"] = PhoneJobKind.Switchboard,
        ["inbound-call-centre"] = PhoneJobKind.InboundCallCentre,
        ["reservation-centre"] = PhoneJobKind.ReservationCentre,
        ["other"] = PhoneJobKind.Other,
    };

    public static readonly IReadOnlyDictionary<string, CertificationRoute> Routes = new Dictionary<string, CertificationRoute>
    {
        ["training"] = CertificationRoute.Training,
        ["vae"] = CertificationRoute.Vae,
        ["free"] = CertificationRoute.Free,
    };

    public static (PrerequisiteInput? Input, Dictionary<string, string[]> Errors) Parse(string body)
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            errors["body"] = ["Le contenu n'est pas un document JSON valide."];
            return (null, errors);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["Le contenu doit être un objet JSON."];
                return (null, errors);
            }
            var root = document.RootElement;
            var level = Integer(root, "educationLevel", required: true, errors, "Le niveau de formation",
                v => EducationLevels.IsValid(v) ? null : "Le niveau de formation doit valoir 0 (sans diplôme) ou un niveau de 3 à 8.");
            var tele = Integer(root, "teleSecretaryMonths", required: true, errors, "Le nombre de mois en télésecrétariat", Months);
            var phone = Integer(root, "phoneJobMonths", required: false, errors, "Le nombre de mois dans l'emploi au téléphone", Months);
            var share = Integer(root, "phoneTimeShare", required: false, errors, "La part du temps passé au téléphone",
                v => v is >= 0 and <= 100 ? null : "La part du temps passé au téléphone doit être comprise entre 0 et 100.");
            var kind = Choice(root, "phoneJobKind", required: false, Kinds, errors,
                "Le type d'emploi au téléphone doit être « switchboard », « inbound-call-centre », « reservation-centre » ou « other ».");
            var route = Choice(root, "route", required: true, Routes, errors,
                "La voie d'accès doit être « training », « vae » ou « free ».");
            if (errors.Count > 0) return (null, errors);
            return (new PrerequisiteInput(level!.Value, tele!.Value, phone ?? 0, share ?? 0, kind, route!.Value), errors);
        }
    }

    private static string? Months(int value) =>
        value is >= 0 and <= MaxMonths ? null : $"Un nombre de mois doit être compris entre 0 et {MaxMonths}.";

    private static int? Integer(JsonElement root, string name, bool required, Dictionary<string, string[]> errors, string what, Func<int, string?> check)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors[name] = [$"{what} est obligatoire."];
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            errors[name] = [$"{what} doit être un nombre entier."];
            return null;
        }
        if (check(number) is { } problem)
        {
            errors[name] = [problem];
            return null;
        }
        return number;
    }

    private static T? Choice<T>(JsonElement root, string name, bool required, IReadOnlyDictionary<string, T> choices, Dictionary<string, string[]> errors, string message)
        where T : struct
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors[name] = [message];
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && choices.TryGetValue(value.GetString()!, out var choice)) return choice;
        errors[name] = [message];
        return null;
    }
}
