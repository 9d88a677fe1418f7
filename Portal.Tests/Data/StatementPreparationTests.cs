using Npgsql;
using Portal.Domain.Data;

namespace Portal.Tests.Data;

/// <summary>On PostgreSQL the portal has Npgsql prepare its repeated statements, unless the connection string says otherwise.</summary>
public sealed class StatementPreparationTests
{
    [Fact]
    public void AConnectionStringWithoutIt_GetsAutomaticPreparation() =>
        Assert.Equal(32, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation("Host=db;Database=portal;Username=portal")).MaxAutoPrepare);

    [Theory]
    [InlineData("Host=db;Database=portal;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=portal;MaxAutoPrepare=8", 8)]
    [InlineData("Host=db;max auto prepare=64;Database=portal", 64)]
    public void AConnectionStringThatSetsIt_KeepsItsOwn(string connection, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation(connection)).MaxAutoPrepare);
}
