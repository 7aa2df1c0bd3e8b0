namespace ZaloBot.Web.Organisation;

public enum OrgUnitKind
{
    Office = 0,
    Department = 1,
    Ward = 2,
}
