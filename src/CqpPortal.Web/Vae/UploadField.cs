namespace CqpPortal.Web.Vae;

/// <summary>
/// The file field of a booklet page (<c>Pages/Shared/_UploadField.cshtml</c>): it carries the limits for the browser
/// check of <c>wwwroot/js/upload-check.js</c>, and the server's refusal when there is one.
/// </summary>
/// <param name="HeldBytes">What the booklet already holds, for the per-booklet limit.</param>
public sealed record UploadField(VaeSettings Limits, long HeldBytes, string? Error);
