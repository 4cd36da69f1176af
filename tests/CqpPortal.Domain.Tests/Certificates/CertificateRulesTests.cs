using CqpPortal.Domain.Certificates;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Certificates;

public class CertificateRulesTests
{
    [Fact]
    public void A_total_validation_gives_a_certificate_a_partial_one_an_attestation_and_the_others_nothing()
    {
        Assert.Equal(JuryOutcomeDocument.Certificate, CertificateRules.DocumentFor(JuryResult.TotalValidation));
        Assert.Equal(JuryOutcomeDocument.PartialAttestation, CertificateRules.DocumentFor(JuryResult.PartialValidation));
        Assert.Equal(JuryOutcomeDocument.None, CertificateRules.DocumentFor(JuryResult.NotValidated));
        Assert.Equal(JuryOutcomeDocument.None, CertificateRules.DocumentFor(JuryResult.Absent));
    }

    [Fact]
    public void A_certificate_is_to_sign_then_signed_then_sent()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(CertificateState.ToSign, CertificateRules.StateOf(null, null));
        Assert.Equal(CertificateState.Signed, CertificateRules.StateOf(now, null));
        Assert.Equal(CertificateState.Sent, CertificateRules.StateOf(now, now));
        Assert.Equal("à signer", CertificateRules.Label(CertificateState.ToSign));
    }

    [Fact]
    public void A_certificate_cannot_be_sent_before_it_is_signed_nor_marked_twice()
    {
        Assert.Null(CertificateRules.WhyNotMarkSigned(CertificateState.ToSign));
        Assert.Contains("déjà marqué signé", CertificateRules.WhyNotMarkSigned(CertificateState.Signed));
        Assert.Contains("Marquez d'abord le certificat signé", CertificateRules.WhyNotMarkSent(CertificateState.ToSign));
        Assert.Null(CertificateRules.WhyNotMarkSent(CertificateState.Signed));
        Assert.Contains("déjà marqué envoyé", CertificateRules.WhyNotMarkSent(CertificateState.Sent));
    }
}
