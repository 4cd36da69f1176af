using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Privacy;

/// <summary>
/// What the erasure and retention rules need to know of one registration (a file): its state, whether the jury
/// certified it, the day of its last decision or exchange, and whether a session (a jury, an evaluation) is still ahead.
/// </summary>
/// <param name="LastExchangeOn">The admissibility decision, the last change of state or the last upload, whichever is latest.</param>
/// <param name="LastJuryOn">The day of the last jury decision on the file (null when no jury decided).</param>
/// <param name="SessionAhead">Enrolled in a session not yet held (convened to a jury, an evaluation).</param>
public sealed record FileFacts(RegistrationState State, DateOnly LastExchangeOn, DateOnly? LastJuryOn, bool IsHolder, bool SessionAhead);

/// <summary>A person's files and the day of their last sign-in or change of their account.</summary>
public sealed record PersonFacts(IReadOnlyList<FileFacts> Files, DateOnly LastActivityOn);
