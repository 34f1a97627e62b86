# language: zh-CN
功能: 四、服务承诺制度
  本文件收录《知识产权服务机构工作机制》第四部分的条款。

  @s4.1
  规则: 公开承诺并接受社会监督
    原文: 服务承诺是指根据区局的公共服务行为规范和工作职能要求，将对外服务的有关事项向社会作出公开承诺，自觉接受社会公众的监督。
    译文: Service commitment means making a public commitment to society on matters relating to external services, in accordance with the District Bureau's code of conduct for public services and the requirements of its functions, and voluntarily accepting supervision by the public.

  @s4.2-list
  规则: 确定知名企业品牌保护名单
    原文: 确定知名企业知名品牌保护名单
    译文: Determine a protection list of well-known enterprises and well-known brands

  @s4.2-pairing
  规则: 党组成员一对一挂联
    原文: 采取市场监管局党组成员一对一挂联方式，共同制订维权措施；
    译文: Adopt a one-to-one liaison arrangement with members of the Party leadership group of the Market Supervision Bureau, jointly formulating rights-protection measures;

    场景: 名单企业由副局长一对一挂联并共同制订了维权措施
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
      而且台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 知名品牌 | 挂联党组成员 | 共同制订维权措施 | 措施制订日期 |
        | 保护名单-2026 | 十堰东风汽车零部件有限公司 | 东零 | 王建国 | 是 | 2026-03-20 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-liaison-member"下的结论为"合规"
      而且案件"保护名单-2026"在规则"protection-list-one-member-each"下的结论为"合规"
      而且案件"保护名单-2026"在规则"protection-list-joint-measures"下的结论为"合规"

    场景: 一名党组成员挂联两家企业，按解释仍是一对一
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 张立新 | 局长 | 茅箭区市场监管局 |
      而且台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 挂联党组成员 | 共同制订维权措施 |
        | 保护名单-2026 | 湖北武当山茶业有限公司 | 张立新 | 是 |
        | 保护名单-2026 | 十堰市郧阳绿松石工艺品有限公司 | 张立新 | 是 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-one-member-each"下的结论为"合规"

    场景: 名单企业没有确定挂联党组成员
      假如台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 共同制订维权措施 |
        | 保护名单-2026 | 十堰小林商贸有限公司 | 否 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-liaison-member"下的结论为"违规"
      而且说明中包含"没有确定挂联的党组成员"

    场景: 挂联人是股长，不是党组成员
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 赵磊 | 股长 | 茅箭区市场监管局知识产权股 |
      而且台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 挂联党组成员 | 共同制订维权措施 |
        | 保护名单-2026 | 湖北武当山茶业有限公司 | 赵磊 | 是 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-liaison-member"下的结论为"违规"
      而且说明中包含"不是局党组成员"

    场景: 挂联人不在人员名册中，无法确认是否党组成员
      假如台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 挂联党组成员 | 共同制订维权措施 |
        | 保护名单-2026 | 湖北武当山茶业有限公司 | 孙卫东 | 是 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-liaison-member"下的结论为"无法判定"

    场景: 一家企业由两名党组成员挂联，不是一对一
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
        | 张立新 | 局长 | 茅箭区市场监管局 |
      而且台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 挂联党组成员 | 共同制订维权措施 |
        | 保护名单-2026 | 十堰东风汽车零部件有限公司 | 王建国 | 是 |
        | 保护名单-2026 | 十堰东风汽车零部件有限公司 | 张立新 | 是 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-one-member-each"下的结论为"违规"
      而且说明中包含"不是一对一"

    场景: 挂联了但没有共同制订维权措施
      假如台账中有"人员"记录:
        | 姓名 | 职务 | 单位 |
        | 王建国 | 副局长 | 茅箭区市场监管局 |
      而且台账中有"挂联帮扶"记录:
        | 案件编号 | 企业 | 挂联党组成员 | 共同制订维权措施 |
        | 保护名单-2026 | 十堰东风汽车零部件有限公司 | 王建国 | 否 |
      当检查台账
      那么案件"保护名单-2026"在规则"protection-list-joint-measures"下的结论为"违规"
      而且说明中包含"未共同制订维权措施"

  @s4.2-guidance
  规则: 指导企业守法经营
    原文: 打击侵权假冒与保护名优产品相结合，通过约谈、指导以及告诫等方式，指导企业守法经营。
    译文: Combine cracking down on infringement and counterfeiting with protecting famous and high-quality products, and guide enterprises to operate lawfully through interviews, guidance, warnings and other means.

  @s4.3
  规则: 适用于区局机关所有人员
    原文: 本服务承诺制度适用于区局机关所有人员。
    译文: This service commitment system applies to all personnel of the District Bureau's offices.

  @s4.4
  规则: 对外服务文明礼貌尽职尽责
    原文: 所有工作人员在对外服务工作中应文明礼貌，热情大方，耐心细致，尽职尽责。
    译文: All staff members shall, in external service work, be civil and courteous, warm and gracious, patient and meticulous, and diligent in fulfilling their duties.

    场景: 服务态度投诉经办公室认定为无效
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 被投诉人员 | 投诉事项 | 受理单位 | 认定组织单位 | 有效投诉 |
        | MJ-2026-240 | 2026-05-11 | 李明 | 办事时态度生硬 | 茅箭区市场监管局办公室 | 茅箭区市场监管局办公室 | 否 |
      当检查台账
      那么案件"MJ-2026-240"按条款"s4.4"的结论为"合规"

    场景: 窗口人员不耐烦的投诉经认定为有效
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 被投诉人员 | 投诉事项 | 受理单位 | 认定组织单位 | 有效投诉 |
        | MJ-2026-241 | 2026-05-18 | 刘芳 | 窗口人员不耐烦、推诿 | 茅箭区市场监管局办公室 | 茅箭区市场监管局办公室 | 是 |
      当检查台账
      那么案件"MJ-2026-241"按条款"s4.4"的结论为"违规"
      而且说明中包含"经认定为有效投诉"

    场景: 投诉尚未认定，无法判定
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 被投诉人员 | 投诉事项 | 受理单位 |
        | MJ-2026-242 | 2026-11-20 | 李明 | 电话无人接听 | 茅箭区市场监管局办公室 |
      当检查台账
      那么案件"MJ-2026-242"按条款"s4.4"的结论为"无法判定"

  @s4.5
  规则: 制度和办事指南向社会公示
    原文: 服务承诺有关制度和服务办事指南的有关内容在区级政府网站和政务公开栏上向社会公示。
    译文: The relevant rules of the service commitment and the relevant contents of the service guide shall be published to society on the district government website and the government-affairs disclosure board.

    场景: 服务承诺制度在区政府网站和政务公开栏上都已公示
      假如台账中有"承诺公示"记录:
        | 案件编号 | 公示事项 | 检查日期 | 区级政府网站公示 | 政务公开栏公示 | 网址或公开栏位置 |
        | 承诺公示-2026 | 服务承诺制度 | 2026-04-08 | 是 | 是 | 区政府网站“政务公开”栏目；区局一楼大厅公开栏 |
      当检查台账
      那么案件"承诺公示-2026"按条款"s4.5"的结论为"合规"

    场景: 办事指南只在网站上公示，政务公开栏上没有
      假如台账中有"承诺公示"记录:
        | 案件编号 | 公示事项 | 检查日期 | 区级政府网站公示 | 政务公开栏公示 |
        | 承诺公示-2026 | 服务办事指南 | 2026-04-08 | 是 | 否 |
      当检查台账
      那么案件"承诺公示-2026"按条款"s4.5"的结论为"违规"
      而且说明中包含"服务办事指南未在政务公开栏上公示"

    场景: 服务承诺制度只贴在公开栏，区政府网站上没有
      假如台账中有"承诺公示"记录:
        | 案件编号 | 公示事项 | 检查日期 | 区级政府网站公示 | 政务公开栏公示 |
        | 承诺公示-2026 | 服务承诺制度 | 2026-04-08 | 否 | 是 |
      当检查台账
      那么案件"承诺公示-2026"按条款"s4.5"的结论为"违规"
      而且说明中包含"未在区级政府网站上公示"

    场景: 检查记录未写政务公开栏，无法判定
      假如台账中有"承诺公示"记录:
        | 案件编号 | 公示事项 | 检查日期 | 区级政府网站公示 |
        | 承诺公示-2026 | 服务办事指南 | 2026-04-08 | 是 |
      当检查台账
      那么案件"承诺公示-2026"按条款"s4.5"的结论为"无法判定"

  @s4.6
  规则: 考核和奖惩按相关规定实施
    原文: 对实行服务承诺制度的考核和奖惩按相关规定实施。
    译文: Assessment, rewards and penalties relating to the implementation of the service commitment system shall be carried out in accordance with the relevant provisions.

  @s4.7
  规则: 办公室受理服务行为投诉
    原文: 区局办公室负责受理针对服务行为的投诉，并组织有效投诉的认定工作。投诉受理电话：0719-8693328
    译文: The District Bureau's office is responsible for accepting complaints about service conduct and for organising the determination of valid complaints. Complaint hotline: 0719-8693328

    场景: 投诉由区局办公室受理并组织认定
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 投诉人 | 投诉方式 | 被投诉人员 | 受理单位 | 认定组织单位 | 有效投诉 |
        | MJ-2026-243 | 2026-06-02 | 陈女士 | 电话 | 李明 | 茅箭区市场监管局办公室 | 茅箭区市场监管局办公室 | 否 |
      当检查台账
      那么案件"MJ-2026-243"在规则"service-complaint-accepted-by-office"下的结论为"合规"
      而且案件"MJ-2026-243"在规则"service-complaint-determined-by-office"下的结论为"合规"

    场景: 投诉由被投诉人所在的监管所自行受理
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 被投诉人员 | 受理单位 |
        | MJ-2026-244 | 2026-06-09 | 陈静 | 武当路市场监管所 |
      当检查台账
      那么案件"MJ-2026-244"在规则"service-complaint-accepted-by-office"下的结论为"违规"
      而且说明中包含"应由区局办公室受理"

    场景: 办公室受理了，却由知识产权股认定是否有效
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 被投诉人员 | 受理单位 | 认定组织单位 | 有效投诉 |
        | MJ-2026-245 | 2026-06-15 | 李明 | 茅箭区市场监管局办公室 | 茅箭区市场监管局知识产权股 | 否 |
      当检查台账
      那么案件"MJ-2026-245"在规则"service-complaint-determined-by-office"下的结论为"违规"
      而且说明中包含"应由区局办公室组织认定"

    场景: 受理单位没有写，无法判定
      假如台账中有"服务投诉"记录:
        | 案件编号 | 投诉日期 | 被投诉人员 |
        | MJ-2026-246 | 2026-06-20 | 李明 |
      当检查台账
      那么案件"MJ-2026-246"在规则"service-complaint-accepted-by-office"下的结论为"无法判定"

    场景: 公示的服务承诺写明投诉电话0719-8693328
      假如台账中有"承诺公示"记录:
        | 案件编号 | 公示事项 | 检查日期 | 区级政府网站公示 | 政务公开栏公示 | 公示的投诉电话 |
        | 承诺公示-2026 | 服务承诺制度 | 2026-04-08 | 是 | 是 | 0719－8693328 |
      当检查台账
      那么案件"承诺公示-2026"在规则"commitment-shows-complaint-phone"下的结论为"合规"

    场景: 公示的投诉电话号码写错
      假如台账中有"承诺公示"记录:
        | 案件编号 | 公示事项 | 检查日期 | 区级政府网站公示 | 政务公开栏公示 | 公示的投诉电话 |
        | 承诺公示-2026 | 服务承诺制度 | 2026-04-08 | 是 | 是 | 0719-8693382 |
      当检查台账
      那么案件"承诺公示-2026"在规则"commitment-shows-complaint-phone"下的结论为"违规"
      而且说明中包含"应为0719-8693328"
