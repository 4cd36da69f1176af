namespace CqpPortal.DesignTime;

public static class DesignTimeEntry
{
    public static int Main()
    {
        Console.Error.WriteLine("Design-time project for `dotnet ef`: nothing to run. See README, \"Changing the database schema\".");
        return 2;
    }
}
