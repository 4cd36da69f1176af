using CqpPortal.Web.Email;

namespace CqpPortal.Web.Hosting;

public static class PortalEmailExtensions
{
    public static IHostApplicationBuilder AddPortalEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailSettings>().BindConfiguration(EmailSettings.Section);
        builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return builder;
    }
}
