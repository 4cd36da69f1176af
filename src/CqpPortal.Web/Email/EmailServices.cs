using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Email;

public static class EmailServices
{
    public static IHostApplicationBuilder AddPortalEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailSettings>().BindConfiguration(EmailSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailSettings>, EmailSettingsValidation>();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        // Mailers (one per audience) send through the outbox: after the commit of what they announce.
        builder.Services.AddSingleton<EmailDelivery>();
        builder.Services.AddSingleton<EmailsAfterCommit>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(services => services.GetRequiredService<EmailsAfterCommit>());
        builder.Services.AddScoped<EmailOutbox>();
        builder.Services.AddScoped<CandidateMailer>();
        builder.Services.AddScoped<CompanyMailer>();
        builder.Services.AddScoped<StaffMailer>();
        builder.Services.AddScoped<SistMailer>();
        builder.Services.AddScoped<JuryMailer>();
        builder.Services.AddScoped<EvaluatorMailer>();
        builder.Services.AddScoped<AdministratorMailer>();
        builder.Services.AddScoped<Identity.AccountMailer>();
        return builder;
    }
}
