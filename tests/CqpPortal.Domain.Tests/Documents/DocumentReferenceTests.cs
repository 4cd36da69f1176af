using CqpPortal.Domain.Documents;

namespace CqpPortal.Domain.Tests.Documents;

public class DocumentReferenceTests
{
    [Fact]
    public void A_reference_is_the_kinds_code_the_year_of_its_day_and_the_id_in_six_digits()
    {
        Assert.Equal("DEC-2026-000123", DocumentReference.Of(DocumentKind.AdmissibilityDecision, new DateOnly(2026, 12, 1), 123));
    }

    [Fact]
    public void The_same_document_made_twice_gets_the_same_reference()
    {
        var first = DocumentReference.Of(DocumentKind.JuryMinutes, new DateOnly(2027, 3, 17), 45);
        var again = DocumentReference.Of(DocumentKind.JuryMinutes, new DateOnly(2027, 3, 17), 45);
        Assert.Equal(first, again);
    }

    [Fact]
    public void An_id_longer_than_six_digits_is_written_whole()
    {
        Assert.Equal("CER-2026-1234567", DocumentReference.Of(DocumentKind.Certificate, new DateOnly(2026, 6, 30), 1_234_567));
    }

    [Fact]
    public void A_second_id_tells_apart_the_documents_of_one_record()
    {
        var day = new DateOnly(2026, 12, 1);
        Assert.Equal("CON-2026-000123-45", DocumentReference.Of(DocumentKind.Convocation, day, 123, 45));
        Assert.NotEqual(DocumentReference.Of(DocumentKind.Convocation, day, 123, 45), DocumentReference.Of(DocumentKind.Convocation, day, 123, 46));
    }

    [Fact]
    public void A_document_about_a_whole_year_is_referenced_by_its_year_alone()
    {
        Assert.Equal("BIL-2025", DocumentReference.OfYear(DocumentKind.AnnualReview, 2025));
    }

    [Fact]
    public void Every_kind_has_a_code_of_its_own_in_three_capitals()
    {
        var codes = Enum.GetValues<DocumentKind>().Select(DocumentReference.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z]{3}$", code));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-4, null)]
    [InlineData(12, 0L)]
    public void An_id_that_is_not_positive_is_refused(long id, long? part)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentReference.Of(DocumentKind.Convocation, new DateOnly(2026, 1, 1), id, part));
    }
}
