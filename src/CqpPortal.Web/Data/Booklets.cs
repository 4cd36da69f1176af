using CqpPortal.Domain.Vae;

namespace CqpPortal.Web.Data;

/// <summary>
/// A VAE booklet of one registration: booklet 1 (admissibility of the VAE request) or booklet 2 (the account of
/// experience for the jury). The candidate writes it while it is a draft or returned as incomplete; once submitted it is
/// locked. Each save increments <see cref="Version"/>, so that a form holding an older version is refused.
/// </summary>
public class Booklet : IAudited
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public BookletKind Kind { get; set; }
    public BookletState State { get; set; } = BookletState.Draft;
    public int Version { get; set; } = 1;

    /// <summary>Booklet 1: « Je certifie sur l'honneur l'exactitude des renseignements » ticked, and the day it was.</summary>
    public bool SwornStatement { get; set; }
    public DateOnly? SwornOn { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    public List<BookletJob> Jobs { get; set; } = [];
    public List<BookletDocument> Documents { get; set; } = [];
    public List<BookletSituation> Situations { get; set; } = [];
    public List<BookletEvent> History { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsEditable => State is BookletState.Draft or BookletState.Incomplete;

    /// <summary>Every change by the candidate goes through here: a locked booklet refuses it, a change makes a new version.</summary>
    public void Change()
    {
        if (!IsEditable) throw new BookletLockedException(State);
        Version++;
    }

    /// <summary>Sends the booklet to staff; the content as sent is kept in the history.</summary>
    public void Submit(DateTimeOffset now, string userId, string snapshot)
    {
        if (!IsEditable) throw new BookletLockedException(State);
        History.Add(new BookletEvent { At = now, ByUserId = userId, Version = Version, From = State, To = BookletState.Submitted, Snapshot = snapshot });
        State = BookletState.Submitted;
        SubmittedAt = now;
    }

    /// <summary>
    /// Staff decision on a submitted booklet: a refusal is motivated, a return for completion lists each missing item;
    /// booklet 2 is accepted or returned, never refused.
    /// </summary>
    public void Decide(BookletState decision, string? motive, IReadOnlyList<string> missingItems, DateTimeOffset now, string staffUserId)
    {
        if (State != BookletState.Submitted) throw new BookletLockedException(State);
        if (decision is not (BookletState.Admissible or BookletState.NotAdmissible or BookletState.Incomplete)
            || (Kind == BookletKind.Experience && decision == BookletState.NotAdmissible))
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a decision for this booklet.");
        if (decision == BookletState.NotAdmissible && string.IsNullOrWhiteSpace(motive))
            throw new ArgumentException("A refusal must say why.", nameof(motive));
        if (decision == BookletState.Incomplete && missingItems.Count == 0)
            throw new ArgumentException("A return for completion lists what is missing.", nameof(missingItems));
        History.Add(new BookletEvent
        {
            At = now, ByUserId = staffUserId, Version = Version, From = State, To = decision,
            Comment = string.IsNullOrWhiteSpace(motive) ? null : motive.Trim(), MissingItems = missingItems.ToList(),
        });
        State = decision;
    }
}

public sealed class BookletLockedException(BookletState state) : InvalidOperationException($"The booklet is {state}: it cannot be changed.");

/// <summary>A job or voluntary activity declared in booklet 1.</summary>
public class BookletJob
{
    public int Id { get; set; }
    public int BookletId { get; set; }
    public int Position { get; set; }
    public required string Employer { get; set; }
    public required string JobTitle { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int FullTimeShare { get; set; } = 100;
    public int PhoneTimeShare { get; set; }
    public VaeJobKind Kind { get; set; }
    public string MainActivities { get; set; } = "";
}

/// <summary>A document of a booklet, stored in PostgreSQL with it: one store, transactional, backed up together.</summary>
public class BookletDocument
{
    public int Id { get; set; }
    public int BookletId { get; set; }
    public Booklet? Booklet { get; set; }
    public BookletDocumentKind Kind { get; set; }

    /// <summary>Booklet 2: the activity of the referential this evidence supports (null for booklet 1's documents).</summary>
    public int? ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Booklet 2: one real situation the candidate lived, described against one activity of the referential.</summary>
public class BookletSituation
{
    public int Id { get; set; }
    public int BookletId { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int Position { get; set; }
    public string Context { get; set; } = "";
    public string Actions { get; set; } = "";
    public string Tools { get; set; } = "";
    public string Result { get; set; } = "";
}

/// <summary>A submission or a decision: who, when, which version, the comment and the missing items, and the content as sent.</summary>
public class BookletEvent
{
    public int Id { get; set; }
    public int BookletId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ByUserId { get; set; }
    public int Version { get; set; }
    public BookletState? From { get; set; }
    public BookletState To { get; set; }
    public string? Comment { get; set; }
    public List<string> MissingItems { get; set; } = [];

    /// <summary>On a submission: the booklet as sent, in plain text, so that each version stays readable.</summary>
    public string? Snapshot { get; set; }
}
