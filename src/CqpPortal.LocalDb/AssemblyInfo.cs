// The private cluster is driven through Debian's PostgreSQL programs: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
