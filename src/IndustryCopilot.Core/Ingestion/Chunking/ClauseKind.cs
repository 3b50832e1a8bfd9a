namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>Kinds of numbering label found at the start of a block.</summary>
public enum ClauseKind
{
    /// <summary>第一编 / 第一部分.</summary>
    Part,

    /// <summary>第一章.</summary>
    Chapter,

    /// <summary>第一节.</summary>
    Section,

    /// <summary>第二十一条: a citable article.</summary>
    Article,

    /// <summary>1, 1.2, 1.2.3: a citable clause of a standard or manual.</summary>
    Numbered,

    /// <summary>附录A / A.1 / A.1.2: an annex or annex clause.</summary>
    Annex,

    /// <summary>(c)(4): a regulatory paragraph label as in the US CFR.</summary>
    Regulatory,

    /// <summary>一、 （一） (a) (1) 1. a) Step 3 步骤3: an item inside a clause or a procedure step.</summary>
    Item,
}
