using Npgsql;

namespace CqpPortal.Web.Data;

/// <summary>
/// One definition of « the database could not be reached » (a restart, a network cut, a timeout), as opposed to a
/// query the database refused: the pools are reset on it and a posted form is shown back with its text.
/// </summary>
public static class DatabaseFailures
{
    public static bool IsConnectionFailure(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException) return true;
        return false;
    }
}
