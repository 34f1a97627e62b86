# language: zh-CN
功能: 二、建立知识产权保护首问负责制
  本文件收录《知识产权服务机构工作机制》第二部分的条款。

  @s2.0
  规则: 首问责任人的确定
    原文: 首问责任人是指知识产权保护企业、服务对象来中心反映情况、咨询业务、申请审批，各市场监管所、局各股室、区政务服务中心大厅知识产权咨询服务窗口第一位被问到的工作人员就是首问责任人；当有两位以上工作人员在一起被问到时，职位高者为首问责任人。
    译文: The first responder means: when an intellectual property protection enterprise or a service recipient comes to the centre to report a situation, make a business inquiry or apply for an approval, the first staff member asked at a market supervision office, a section of the Bureau, or the intellectual property consulting service window in the hall of the District Government Affairs Service Centre is the first responder; when two or more staff members are asked together, the one with the higher position is the first responder.

    场景: 只有一位工作人员被问到，登记其本人为首问责任人
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 刘芳 | 科员 | 区政务服务中心大厅知识产权咨询服务窗口 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-01 | 2026-03-02 | 刘芳 | 否 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-01 | 刘芳 |
      当检查台账
      那么案件"SQ-01"按条款"s2.0"的结论为"合规"

    场景: 两人同时被问到，登记职位高者为首问责任人
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
        | 李明 | 科员 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-02 | 2026-03-02 | 李明、王建国 | 是 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-02 | 王建国 |
      当检查台账
      那么案件"SQ-02"按条款"s2.0"的结论为"合规"

    场景: 两人同时被问到，却登记职位低者为首问责任人
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
        | 李明 | 科员 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-03 | 2026-03-02 | 李明、王建国 | 是 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-03 | 李明 |
      当检查台账
      那么案件"SQ-03"按条款"s2.0"的结论为"违规"
      而且说明中包含"职位更高的王建国"

    场景: 先后被问到时，第一位被问到的人即为首问责任人，不论职位
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
        | 李明 | 科员 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-04 | 2026-03-02 | 李明、王建国 | 否 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-04 | 李明 |
      当检查台账
      那么案件"SQ-04"按条款"s2.0"的结论为"合规"

    场景: 先后被问到时，登记了后被问到的人为首问责任人
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
        | 李明 | 科员 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-05 | 2026-03-02 | 李明、王建国 | 否 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-05 | 王建国 |
      当检查台账
      那么案件"SQ-05"按条款"s2.0"的结论为"违规"
      而且说明中包含"第一位被问到的是李明"

    场景: 较早一次询问中被问到的人才是第一位被问到的
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
        | 李明 | 科员 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-06 | 2026-03-05 | 王建国 | 否 |
        | SQ-06 | 2026-03-02 | 李明 | 否 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-06 | 王建国 |
      当检查台账
      那么案件"SQ-06"按条款"s2.0"的结论为"违规"

    场景: 同时被问到的人职位相同，登记其中任何一位均可
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 陈静 | 所长 | 武当路市场监管所 |
        | 赵磊 | 股长 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-07 | 2026-04-10 | 陈静、赵磊 | 是 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-07 | 赵磊 |
      当检查台账
      那么案件"SQ-07"按条款"s2.0"的结论为"合规"

    场景: 同时被问到的人不在人员名册中，无法比较职位
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 李明 | 科员 | 茅箭区市场监管局知识产权股 |
      而且台账中有"询问"记录:
        | 案件编号 | 日期 | 被问人员 | 同时被问 |
        | SQ-08 | 2026-04-10 | 李明、孙悦 | 是 |
      而且台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-08 | 李明 |
      当检查台账
      那么案件"SQ-08"按条款"s2.0"的结论为"无法判定"
      而且说明中包含"孙悦"

    场景: 案卷没有询问记录，无法确定谁是第一位被问到的
      假如台账中有"首问责任人"记录:
        | 案件编号 | 首问责任人 |
        | SQ-09 | 李明 |
      当检查台账
      那么案件"SQ-09"按条款"s2.0"的结论为"无法判定"

  @s2.1-timely
  规则: 在承诺时限内积极办理
    原文: 对服务对象要办的业务，属于首问责任人业务范围的，要在承诺的服务时限内，积极地予以办理；
    译文: Business that a service recipient wishes to transact and that falls within the first responder's scope of business must be actively handled within the promised service time limit;

  @s2.1-explain
  规则: 讲清需补充的手续和要求
    原文: 对于手续不齐全或不符合规定的，要负责地向服务对象讲清楚需要补充的手续、要求等。
    译文: Where the formalities are incomplete or do not conform to the regulations, the first responder must responsibly explain clearly to the service recipient the formalities, requirements, etc. that need to be supplemented.

  @s2.2
  规则: 耐心讲解直到听明白
    原文: 对前来咨询业务的服务对象；问到属于自己业务范围的事项，要耐心给予讲解、说明，直到询问人听明白为止。
    译文: For service recipients who come to make business inquiries; when asked about matters within one's own scope of business, one must patiently explain and clarify until the inquirer understands.

  @s2.3-redirect
  规则: 说明并指明办理窗口或单位
    原文: 对前来办事或咨询的服务对象所涉及的事项不属于本所、股室、窗口管理、服务范围的，要热情地予以说明，并向询问人指明办理该项业务的窗口或单位。
    译文: Where the matter raised by a service recipient who comes to transact business or to inquire does not fall within the management or service scope of one's own office, section or window, one must warmly explain this and point out to the inquirer the window or unit that handles that business.

  @s2.3-refusal
  规则: 不得以推诿语言回绝
    原文: 不能使用“不知道”、“不清楚”、“不归我管”等语言予以回绝。
    译文: Language such as "I don't know", "I'm not sure" or "That's not my responsibility" must not be used to turn the person away.

  @s2.4
  规则: 接待投诉举报并如实记录上报
    原文: 对前来投诉、举报以及对知识产权工作提出意见和建议的，各市场监管所、局各股室、区政务服务中心大厅知识产权咨询服务窗口根据工作职责负责接待，并如实记录反映的问题和反映人的情况，然后按程序上报处理。
    译文: Persons who come to complain, to report, or to put forward opinions and suggestions on intellectual property work shall be received by the market supervision offices, the sections of the Bureau, and the intellectual property consulting service window in the hall of the District Government Affairs Service Centre according to their job responsibilities, who shall truthfully record the issues raised and the particulars of the person raising them, and then report them up for handling according to procedure.

  @s2.5-accept
  规则: 办公室受理不履责举报
    原文: 群众举报或发现首问责任人不履行责任的，由区市场监管局办公室负责受理。
    译文: Where members of the public report, or it is discovered, that a first responder has failed to perform his or her responsibilities, the office of the District Market Supervision Administration Bureau is responsible for accepting the matter.

  @s2.5-sanction
  规则: 查实违规者严肃处理
    原文: 经查实违反本规定者，按照有关规定严肃处理。
    译文: Anyone verified upon investigation to have violated these provisions shall be dealt with severely in accordance with the relevant regulations.
