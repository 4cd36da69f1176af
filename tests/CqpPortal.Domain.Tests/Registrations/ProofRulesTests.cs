using CqpPortal.Domain.Registrations;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Registrations;

/// <summary>Registration proofs: what they accept, what a file needs before it is sent, what staff may ask for.</summary>
public class ProofRulesTests
{
    private const long MaxFile = 10 * 1024 * 1024;
    private const long MaxTotal = 40 * 1024 * 1024;
    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();

    [Fact]
    public void A_pdf_proof_is_accepted_with_a_safe_name_and_its_real_type()
    {
        var decision = ProofRules.CheckUpload("../bulletin de salaire.PDF", Pdf, 5000, MaxFile, 0, MaxTotal);
        Assert.True(decision.Accepted);
        Assert.Equal("bulletin de salaire.pdf", decision.SafeName);
        Assert.Equal("application/pdf", decision.ContentType);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_jpeg_or_png_by_its_first_bytes_is_refused_whatever_its_name() =>
        Assert.Contains("ni un PDF", ProofRules.CheckUpload("certificat.pdf", "<html>"u8.ToArray(), 5000, MaxFile, 0, MaxTotal).Refusal);

    [Fact]
    public void An_oversize_file_is_refused_with_the_limit_in_french() =>
        Assert.Contains("10 Mo au plus par fichier", ProofRules.CheckUpload("scan.pdf", Pdf, MaxFile + 1, MaxFile, 0, MaxTotal).Refusal);

    [Fact]
    public void A_file_that_would_take_the_proofs_over_their_total_is_refused_without_speaking_of_a_booklet()
    {
        var refusal = ProofRules.CheckUpload("scan.pdf", Pdf, 2000, MaxFile, MaxTotal - 1000, MaxTotal).Refusal;
        Assert.Contains("Vos justificatifs pèsent déjà", refusal);
        Assert.DoesNotContain("livret", refusal);
    }

    [Fact]
    public void A_file_cannot_be_sent_without_a_proof_of_experience_whatever_the_route()
    {
        var missing = ProofRules.MissingBeforeSubmit([new ProofOnFile(ProofKind.Diploma, null)], []);
        Assert.Contains("justificatif d'expérience", Assert.Single(missing));
    }

    [Fact]
    public void One_proof_of_experience_is_enough_and_a_diploma_is_not_required() =>
        Assert.Empty(ProofRules.MissingBeforeSubmit([new ProofOnFile(ProofKind.Experience, null)], []));

    [Fact]
    public void Every_document_staff_asked_for_must_be_answered_before_the_file_is_sent_again()
    {
        RequestedDocument[] requests = [new(1, "Attestation d'employeur 2024"), new(2, "Diplôme du bac")];
        var missing = ProofRules.MissingBeforeSubmit([new ProofOnFile(ProofKind.Experience, null), new ProofOnFile(ProofKind.Requested, 1)], requests);
        Assert.Contains("« Diplôme du bac »", Assert.Single(missing));
        Assert.Empty(ProofRules.MissingBeforeSubmit(
            [new ProofOnFile(ProofKind.Experience, null), new ProofOnFile(ProofKind.Requested, 1), new ProofOnFile(ProofKind.Requested, 2)], requests));
    }

    [Fact]
    public void A_requested_document_must_name_a_request_of_this_file_and_other_kinds_none()
    {
        RequestedDocument[] requests = [new(7, "Contrat de travail")];
        Assert.Null(ProofRules.CheckTarget(ProofKind.Requested, 7, requests));
        Assert.NotNull(ProofRules.CheckTarget(ProofKind.Requested, 8, requests));
        Assert.NotNull(ProofRules.CheckTarget(ProofKind.Requested, null, requests));
        Assert.Null(ProofRules.CheckTarget(ProofKind.Experience, null, requests));
        Assert.NotNull(ProofRules.CheckTarget(ProofKind.Diploma, 7, requests));
        Assert.NotNull(ProofRules.CheckTarget((ProofKind)99, null, requests));
    }

    [Fact]
    public void Requested_documents_are_typed_one_per_line_without_blanks_or_duplicates()
    {
        var (labels, refusal) = ProofRules.RequestLabels("Attestation d'employeur\r\n\n  attestation d'employeur \nDiplôme\n");
        Assert.Null(refusal);
        Assert.Equal(["Attestation d'employeur", "Diplôme"], labels);
    }

    [Fact]
    public void Too_long_a_name_or_too_many_documents_are_refused()
    {
        Assert.NotNull(ProofRules.RequestLabels(new string('a', 201)).Refusal);
        Assert.NotNull(ProofRules.RequestLabels(string.Join("\n", Enumerable.Range(1, 11).Select(i => $"Pièce {i}"))).Refusal);
    }

    [Fact]
    public void An_incomplete_file_says_what_is_missing_in_words_or_by_named_documents()
    {
        Assert.Contains(ProofRules.CheckDecision(RegistrationState.Incomplete, "", []), p => p.Field == "Motive");
        Assert.Empty(ProofRules.CheckDecision(RegistrationState.Incomplete, "", ["Contrat de travail"]));
        Assert.Empty(ProofRules.CheckDecision(RegistrationState.Incomplete, "Il manque une pièce.", []));
        Assert.Equal("Documents demandés : Contrat ; Diplôme.", ProofRules.IncompleteMotive(" ", ["Contrat", "Diplôme"]));
        Assert.Equal("Voir ci-dessous.", ProofRules.IncompleteMotive(" Voir ci-dessous. ", ["Contrat"]));
    }

    [Fact]
    public void A_refusal_is_motivated_and_documents_are_asked_for_only_with_an_incomplete_file()
    {
        Assert.Contains(ProofRules.CheckDecision(RegistrationState.NotAdmissible, null, []), p => p.Field == "Motive");
        Assert.Contains(ProofRules.CheckDecision(RegistrationState.Admissible, null, ["Diplôme"]), p => p.Field == "RequestedDocuments");
        Assert.Contains(ProofRules.CheckDecision(null, null, []), p => p.Field == "Decision");
        Assert.Contains(ProofRules.CheckDecision(RegistrationState.Submitted, null, []), p => p.Field == "Decision");
        Assert.Empty(ProofRules.CheckDecision(RegistrationState.Admissible, null, []));
    }
}
