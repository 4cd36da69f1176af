# CqpPortal – production image. Build: docker build -t cqpportal .
# Run:   docker run -p 8080:8080 -e CQP_DB="Host=db;Database=cqpportal;Username=…;Password=…" -e Portal__PublicUrl=https://cqp.example.fr cqpportal
# Configuration is environment variables only (ASP.NET Core's double-underscore form for sections), e.g.
#   Portal__PublicUrl (required, https), Email__SmtpHost, Email__SmtpUser, Email__SmtpPassword, Email__From,
#   Portal__TrustedProxies (the TLS proxy's addresses), Portal__MigrateOnStart=false and Jobs__RunScheduler=false on web
#   nodes when `docker run … cqpportal migrate` runs once per deploy and workers run `… cqpportal worker`
#   (README: "How to run N web nodes and M workers"). Demo data is never seeded in Production.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone, so that layer is cached while the code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/CqpPortal.Domain/CqpPortal.Domain.csproj src/CqpPortal.Domain/
COPY src/CqpPortal.Web/CqpPortal.Web.csproj src/CqpPortal.Web/
RUN dotnet restore src/CqpPortal.Web/CqpPortal.Web.csproj
COPY src/CqpPortal.Domain/ src/CqpPortal.Domain/
COPY src/CqpPortal.Web/ src/CqpPortal.Web/
COPY content/ content/
RUN dotnet publish src/CqpPortal.Web/CqpPortal.Web.csproj -c Release -o /app --no-restore /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# DejaVu fonts for the PDF documents (PDFsharp), time zone data for Europe/Paris.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core tzdata \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    Email__PickupDirectory=/app/data/mail
RUN mkdir -p /app/data/mail && chown -R app:app /app/data
# The base image's unprivileged user.
USER app
EXPOSE 8080
# Orchestrators probe GET /health/live (the process) and GET /health/ready (database and job storage; 503 when either is down).
ENTRYPOINT ["dotnet", "CqpPortal.Web.dll"]
