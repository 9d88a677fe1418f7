using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PageTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PageTexts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Page = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Words = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageTexts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PageTexts_DocumentId_Page",
                table: "PageTexts",
                columns: new[] { "DocumentId", "Page" },
                unique: true);

            // Written by hand (keep it when squashing): EF has no model of SQLite's FTS5 index over the words read on
            // pages (PageTextSearch); triggers keep it in step with PageTexts.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE PageTextIndex USING fts5(Words, content='PageTexts', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');");
            migrationBuilder.Sql("CREATE TRIGGER PageTexts_Inserted AFTER INSERT ON PageTexts BEGIN INSERT INTO PageTextIndex(rowid, Words) VALUES (new.Id, new.Words); END;");
            migrationBuilder.Sql("CREATE TRIGGER PageTexts_Deleted AFTER DELETE ON PageTexts BEGIN INSERT INTO PageTextIndex(PageTextIndex, rowid, Words) VALUES ('delete', old.Id, old.Words); END;");
            migrationBuilder.Sql("CREATE TRIGGER PageTexts_Updated AFTER UPDATE ON PageTexts BEGIN INSERT INTO PageTextIndex(PageTextIndex, rowid, Words) VALUES ('delete', old.Id, old.Words); INSERT INTO PageTextIndex(rowid, Words) VALUES (new.Id, new.Words); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER PageTexts_Updated;");
            migrationBuilder.Sql("DROP TRIGGER PageTexts_Deleted;");
            migrationBuilder.Sql("DROP TRIGGER PageTexts_Inserted;");
            migrationBuilder.Sql("DROP TABLE PageTextIndex;");
            migrationBuilder.DropTable(
                name: "PageTexts");
        }
    }
}
