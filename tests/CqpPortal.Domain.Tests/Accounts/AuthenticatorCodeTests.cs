using CqpPortal.Domain.Accounts;

namespace CqpPortal.Domain.Tests.Accounts;

public class AuthenticatorCodeTests
{
    // RFC 6238, appendix B: the SHA-1 key "12345678901234567890" (Base32 below) gives 94287082 at 59 s (6 digits: 287082).
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static readonly byte[] Key = AuthenticatorCode.KeyBytes(RfcKey);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 10, TimeSpan.Zero);
    private static readonly long CurrentStep = AuthenticatorCode.StepAt(Now);

    [Fact]
    public void The_code_of_the_rfc_test_vector_is_computed_from_the_base32_key()
    {
        Assert.Equal("12345678901234567890"u8.ToArray(), Key);
        Assert.Equal("287082", AuthenticatorCode.At(Key, AuthenticatorCode.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));
        Assert.Equal(Key, AuthenticatorCode.KeyBytes("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    }

    [Fact]
    public void A_code_of_the_current_step_is_accepted_when_no_code_was_used_yet() =>
        Assert.Equal(CurrentStep, AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep), Now, lastUsedStep: null));

    [Fact]
    public void Codes_two_steps_either_side_are_accepted_and_three_are_not()
    {
        Assert.Equal(CurrentStep - 2, AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep - 2), Now, null));
        Assert.Equal(CurrentStep + 2, AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep + 2), Now, null));
        Assert.Null(AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep - 3), Now, null));
        Assert.Null(AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep + 3), Now, null));
    }

    [Fact]
    public void A_code_already_used_is_refused_within_its_window()
    {
        var code = AuthenticatorCode.At(Key, CurrentStep);
        var used = AuthenticatorCode.MatchingStep(Key, code, Now, null);
        Assert.Null(AuthenticatorCode.MatchingStep(Key, code, Now.AddSeconds(20), used));
    }

    [Fact]
    public void A_code_older_than_the_last_used_one_is_refused_and_a_later_one_accepted()
    {
        Assert.Null(AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep - 1), Now, lastUsedStep: CurrentStep));
        Assert.Equal(CurrentStep + 1, AuthenticatorCode.MatchingStep(Key, AuthenticatorCode.At(Key, CurrentStep + 1), Now, lastUsedStep: CurrentStep));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Anything_but_six_digits_is_refused(string typed) =>
        Assert.Null(AuthenticatorCode.MatchingStep(Key, typed, Now, null));
}
