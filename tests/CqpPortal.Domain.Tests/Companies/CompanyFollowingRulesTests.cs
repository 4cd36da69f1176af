using CqpPortal.Domain.Companies;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Companies;

public class CompanyFollowingRulesTests
{
    [Fact]
    public void An_employee_who_names_the_employer_names_a_company() =>
        Assert.True(CompanyFollowingRules.NamesCompany(EmploymentStatus.Employee, "Permanence Plus", null, linkedToCompany: false));

    [Fact]
    public void An_employee_who_gives_only_the_siret_names_a_company() =>
        Assert.True(CompanyFollowingRules.NamesCompany(EmploymentStatus.Employee, " ", "12345678900011", linkedToCompany: false));

    [Fact]
    public void A_job_seeker_names_no_company() =>
        Assert.False(CompanyFollowingRules.NamesCompany(EmploymentStatus.JobSeeker, null, null, linkedToCompany: false));

    [Fact]
    public void An_employee_who_left_the_employer_blank_names_no_company() =>
        Assert.False(CompanyFollowingRules.NamesCompany(EmploymentStatus.Employee, "", null, linkedToCompany: false));

    [Fact]
    public void An_employee_pre_registered_by_the_manager_is_asked_even_without_an_employer_on_the_form() =>
        Assert.True(CompanyFollowingRules.NamesCompany(EmploymentStatus.Other, null, null, linkedToCompany: true));

    [Fact]
    public void A_file_naming_a_company_cannot_be_sent_without_an_answer() =>
        Assert.Equal(CompanyFollowingRules.MissingAnswer, CompanyFollowingRules.WhyNotSubmit(namesCompany: true, companyMayFollow: null));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Yes_and_no_are_both_answers(bool answer) => Assert.Null(CompanyFollowingRules.WhyNotSubmit(namesCompany: true, answer));

    [Fact]
    public void A_file_naming_no_company_needs_no_answer_and_keeps_none() => Assert.Multiple(
        () => Assert.Null(CompanyFollowingRules.WhyNotSubmit(namesCompany: false, companyMayFollow: null)),
        () => Assert.Null(CompanyFollowingRules.Recorded(namesCompany: false, companyMayFollow: true)));

    [Fact]
    public void An_approved_manager_follows_an_employee_who_agreed() =>
        Assert.Equal(EmployeeVisibility.Followed, CompanyFollowingRules.VisibilityFor(approvedManagerOfEmployeesCompany: true, companyMayFollow: true));

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void An_approved_manager_sees_only_that_a_registration_exists_when_the_employee_did_not_agree(bool? answer) =>
        Assert.Equal(EmployeeVisibility.RegistrationExists, CompanyFollowingRules.VisibilityFor(approvedManagerOfEmployeesCompany: true, answer));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public void Someone_who_is_not_an_approved_manager_of_the_employees_company_sees_nothing_whatever_the_answer(bool? answer) =>
        Assert.Equal(EmployeeVisibility.None, CompanyFollowingRules.VisibilityFor(approvedManagerOfEmployeesCompany: false, answer));

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Managers_are_told_only_of_employees_who_agreed(bool? answer, bool told) =>
        Assert.Equal(told, CompanyFollowingRules.ManagersAreTold(answer));

    [Fact]
    public void The_history_says_whether_the_candidate_agreed_or_refused() => Assert.Multiple(
        () => Assert.Contains("accepté", CompanyFollowingRules.HistoryComment(true)),
        () => Assert.Contains("refusé", CompanyFollowingRules.HistoryComment(false)));
}
