namespace CqpPortal.LocalDb;

/// <summary>A failure with one sentence that tells the user what to do.</summary>
public sealed class LocalClusterException(string message) : Exception(message);
