using CqpPortal.LocalDb;

// cqp-localdb start|stop|status --dir DIR [--port N] [--database NAME]
// `start` prints the connection string on standard output; errors go to standard error as one sentence.
var verb = args.FirstOrDefault();
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

try
{
    var cluster = new LocalCluster(Option("--dir", ".data/pg"), int.Parse(Option("--port", "55432")));
    switch (verb)
    {
        case "start":
            cluster.Initialise();
            cluster.Start();
            var database = Option("--database", "cqpportal");
            await cluster.EnsureDatabaseAsync(database);
            Console.WriteLine(cluster.ConnectionString(database));
            return 0;
        case "stop":
            cluster.Stop();
            return 0;
        case "status":
            var running = cluster.IsRunning();
            Console.WriteLine(running ? "running" : cluster.IsInitialised ? "stopped" : "absent");
            return running ? 0 : 3;
        default:
            Console.Error.WriteLine("usage: cqp-localdb start|stop|status --dir DIR [--port N] [--database NAME]");
            return 2;
    }
}
catch (LocalClusterException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
