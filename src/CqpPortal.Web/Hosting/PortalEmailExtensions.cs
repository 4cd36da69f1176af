using CqpPortal.Web.Email;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Hosting;

public static class PortalEmailExtensions
{
    public static IHostApplicationBuilder AddPortalEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailSettings>().BindConfiguration(EmailSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailSettings>, EmailSettingsValidation>();
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}
