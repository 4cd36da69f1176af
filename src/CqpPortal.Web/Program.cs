using CqpPortal.Web.Cli;
using CqpPortal.Web.Contacts;
using CqpPortal.Web.Email;
using CqpPortal.Web.Hosting;
using CqpPortal.Web.Jobs;
using CqpPortal.Web.Seeding;

// `CqpPortal.Web <verb>` runs a command (migrate, seed-demo, worker…) instead of the web site.
if (PortalCli.IsCommand(args)) return await PortalCli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalEmail();
builder.AddPortalJobs();
builder.AddPortalSeeding();
builder.AddPortalWeb();
builder.AddPortalNodes();

var app = builder.Build();
app.Services.UseOrganisationLetterhead(); // the organisation's identity on every PDF, checked (required in Production)
await app.Services.PrepareDatabaseAsync(); // settings checked; migrate and seed unless Portal:MigrateOnStart=false
app.UsePortalWeb();
await app.RunAsync();
return 0;

public partial class Program;
