namespace ZaloBot.Web.Conversations;

public enum TranscriptDirection
{
    FromCitizen = 0,
    FromBot = 1,
    FromStaff = 2,
}
