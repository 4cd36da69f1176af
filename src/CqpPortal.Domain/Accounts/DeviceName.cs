namespace CqpPortal.Domain.Accounts;

/// <summary>
/// A session's device as its owner recognises it on « Mes sessions » (« Firefox sur Windows »), read from the browser's
/// User-Agent. Only a hint: a browser may say anything, so the page also shows the address and the times.
/// </summary>
public static class DeviceName
{
    /// <summary>Browsers in the order they must be tested (Edge and Opera also say « Chrome », Chrome also says « Safari »).</summary>
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Appareil inconnu";
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => "Navigateur inconnu",
            (null, _) => $"Navigateur sur {system}",
            (_, null) => browser,
            _ => $"{browser} sur {system}",
        };
    }
}
