using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Vocabulary;

public class RegionsTests
{
    [Fact]
    public void The_form_offers_the_thirteen_metropolitan_regions_then_the_five_overseas_ones()
    {
        Assert.Equal(13, Regions.Metropolitan.Count);
        Assert.Equal(["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"], Regions.Overseas.Select(FrenchLabels.Of));
        Assert.Equal(18, Regions.Offered.Distinct().Count());
        Assert.Contains("Provence-Alpes-Côte d'Azur", Regions.Offered.Select(FrenchLabels.Of));
        Assert.Equal(Regions.Metropolitan.Select(FrenchLabels.Of).Order(StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), false)),
            Regions.Metropolitan.Select(FrenchLabels.Of));
    }

    [Theory]
    [InlineData(Region.Nord)]
    [InlineData(Region.Ouest)]
    [InlineData(Region.Est)]
    [InlineData(Region.Sud)]
    [InlineData(Region.OutreMer)]
    public void The_old_large_areas_still_read_but_are_not_offered_again(Region old)
    {
        Assert.False(Regions.IsOffered(old));
        Assert.Equal(old, Regions.AreaOf(old));
    }

    [Fact]
    public void Every_region_belongs_to_one_of_the_areas_the_statistics_count()
    {
        Assert.All(Enum.GetValues<Region>(), r => Assert.Contains(Regions.AreaOf(r), Regions.Areas));
        Assert.Equal(Region.OutreMer, Regions.AreaOf(Region.Mayotte));
        Assert.Equal(Region.Ouest, Regions.AreaOf(Region.Bretagne));
        Assert.Equal(Region.IleDeFrance, Regions.AreaOf(Region.IleDeFrance));
        Assert.Equal(Enum.GetValues<Region>().Length, Enum.GetValues<Region>().Select(FrenchLabels.Of).Distinct().Count());
        Assert.Equal("Outre-mer", FrenchLabels.Of(Region.OutreMer));
    }

    [Fact]
    public void A_place_in_the_same_region_is_nearest_then_the_same_area_then_elsewhere()
    {
        Assert.Equal(0, Regions.Distance(Region.Bretagne, Region.Bretagne));
        Assert.Equal(1, Regions.Distance(Region.Bretagne, Region.PaysDeLaLoire));
        Assert.Equal(1, Regions.Distance(Region.Bretagne, Region.Ouest));
        Assert.Equal(2, Regions.Distance(Region.Bretagne, Region.GrandEst));
    }
}
