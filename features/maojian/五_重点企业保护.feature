# language: zh-CN
功能: 五、建立重点企业、行业协会、电子商务平台等开展知识产权保护制度
  本文件收录《知识产权服务机构工作机制》第五部分的条款。

  @s5.0-outreach
  规则: 开展送政策进企业活动
    原文: 加强知识产权服务，开展“双首席”、“双千”等送政策进企业活动，帮助重点企业、行业协会、电子商务平台及时掌握相关政策法规
    译文: Strengthen intellectual property services and carry out activities that bring policies into enterprises, such as the "Double Chief" and "Double Thousand" campaigns, helping key enterprises, industry associations and e-commerce platforms to keep up to date with relevant policies, laws and regulations

  @s5.0-training
  规则: 开展风险防范培训
    原文: 对商标申报、专利申报企业进行知识产权风险防范培训，增强预防、保护和维权能力。
    译文: Provide intellectual property risk-prevention training to enterprises applying for trademarks and patents, enhancing their capacity for prevention, protection and rights enforcement.

    场景: 专利申报企业当年接受了风险防范培训
      假如台账中有"申报企业培训"记录:
        | 案件编号 | 企业 | 申报类型 | 申报日期 | 已开展风险防范培训 | 培训日期 |
        | MJ-2026-250 | 十堰华宇精密机械有限公司 | 专利 | 2025-04-10 | 是 | 2025-06-18 |
      当检查台账
      那么案件"MJ-2026-250"按条款"s5.0-training"的结论为"合规"

    场景: 商标申报企业全年没有接受培训
      假如台账中有"申报企业培训"记录:
        | 案件编号 | 企业 | 申报类型 | 申报日期 | 已开展风险防范培训 |
        | MJ-2026-251 | 十堰秦巴山珍食品有限公司 | 商标 | 2025-03-02 | 否 |
      当检查台账
      那么案件"MJ-2026-251"按条款"s5.0-training"的结论为"违规"
      而且说明中包含"未接受知识产权风险防范培训"

    场景: 申报当年尚未结束，还没有培训，无法判定
      假如台账中有"申报企业培训"记录:
        | 案件编号 | 企业 | 申报类型 | 申报日期 | 已开展风险防范培训 |
        | MJ-2026-252 | 十堰秦巴山珍食品有限公司 | 商标 | 2026-09-15 | 否 |
      当检查台账
      那么案件"MJ-2026-252"按条款"s5.0-training"的结论为"无法判定"
      而且说明中包含"申报年度尚未结束"

  @s5.1-mechanism
  规则: 构建纠纷多元化解机制
    原文: 推动构建行业自律、调解、仲裁、行政裁决、司法审判相联动的知识产权纠纷多元化解机制
    译文: Promote the building of a diversified intellectual property dispute-resolution mechanism linking industry self-regulation, mediation, arbitration, administrative adjudication and judicial trial

  @s5.1-support
  规则: 对重点企业提供支持和指导
    原文: 对重点企业提供技术支持、法律援助、快速授权与维权指导
    译文: Provide key enterprises with technical support, legal aid, fast-track granting of rights and rights-protection guidance

    场景: 重点企业请求法律援助，已提供
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 | 提供日期 | 提供单位 |
        | MJ-2026-253 | 十堰东风汽车零部件有限公司 | 重点企业 | 法律援助 | 2026-02-16 | 是 | 2026-02-27 | 茅箭区市场监管局知识产权股 |
      当检查台账
      那么案件"MJ-2026-253"按条款"s5.1-support"的结论为"合规"

    场景: 重点企业请求维权指导，未提供
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 |
        | MJ-2026-254 | 湖北武当山茶业有限公司 | 重点企业 | 维权指导 | 2026-03-05 | 否 |
      当检查台账
      那么案件"MJ-2026-254"按条款"s5.1-support"的结论为"违规"
      而且说明中包含"维权指导未提供"

    场景: 非重点企业的请求不适用本条
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 |
        | MJ-2026-255 | 十堰小林商贸有限公司 | 其他企业 | 技术支持 | 2026-03-05 | 否 |
      当检查台账
      那么案件"MJ-2026-255"不适用规则"key-enterprise-support-provided"

  @s5.1-trade
  规则: 加强进出口参展的保护维权
    原文: 加强对重点企业产品进出口、参展等涉及知识产权的保护和维权
    译文: Strengthen the protection and enforcement of intellectual property involved in key enterprises' product imports and exports, exhibitions and the like

    场景: 重点企业参加广交会前请求参展保护，已提供
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 | 提供日期 |
        | MJ-2026-256 | 十堰东风汽车零部件有限公司 | 重点企业 | 参展保护 | 2026-04-01 | 是 | 2026-04-08 |
      当检查台账
      那么案件"MJ-2026-256"按条款"s5.1-trade"的结论为"合规"

    场景: 重点企业出口产品请求保护，未提供
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 |
        | MJ-2026-257 | 十堰华宇精密机械有限公司 | 重点企业 | 进出口保护 | 2026-05-12 | 否 |
      当检查台账
      那么案件"MJ-2026-257"按条款"s5.1-trade"的结论为"违规"

  @s5.1-disputes
  规则: 疑难及涉外争端提供咨询帮助
    原文: 为重点企业的重大疑难专利案件特别是涉外知识产权争端提供咨询和帮助。
    译文: Provide consultation and assistance for key enterprises' major and difficult patent cases, especially foreign-related intellectual property disputes.

    场景: 重点企业的涉外争端获得咨询和帮助
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 | 提供单位 |
        | MJ-2026-258 | 十堰东风汽车零部件有限公司 | 重点企业 | 涉外争端咨询 | 2026-06-03 | 是 | 十堰市知识产权保护中心 |
      当检查台账
      那么案件"MJ-2026-258"按条款"s5.1-disputes"的结论为"合规"

    场景: 重点企业的疑难专利案件请求咨询，未提供
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 |
        | MJ-2026-259 | 十堰华宇精密机械有限公司 | 重点企业 | 疑难专利案件咨询 | 2026-06-10 | 否 |
      当检查台账
      那么案件"MJ-2026-259"按条款"s5.1-disputes"的结论为"违规"

    场景: 记录未写是否已提供，无法判定
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 |
        | MJ-2026-260 | 十堰华宇精密机械有限公司 | 重点企业 | 疑难专利案件咨询 | 2026-06-10 |
      当检查台账
      那么案件"MJ-2026-260"按条款"s5.1-disputes"的结论为"无法判定"

  @s5.2-liaison
  规则: 指导协会设立联络小组
    原文: 指导行业协会设立知识产权联络小组，建立内部知识产权纠纷处理机制。根据内部协议，促成行业内双方当事人达成和解，通过行业自律实现知识产权争端解决与快速维权；
    译文: Guide industry associations to set up intellectual property liaison groups and establish internal intellectual property dispute-handling mechanisms. On the basis of internal agreements, facilitate settlement between parties within the industry, achieving resolution of intellectual property disputes and rapid rights protection through industry self-regulation;

  @s5.2-mediation
  规则: 引导协会设立人民调解委员会
    原文: 引导帮助行业协会设立人民调解委员会，对行业内的知识产权纠纷进行专业调解，指导人民调解委员会开展知识产权纠纷调解工作，协会知识产权联络小组参加调解活动。
    译文: Guide and help industry associations to set up people's mediation committees to carry out professional mediation of intellectual property disputes within the industry; guide the people's mediation committees in carrying out intellectual property dispute mediation work, with the association's intellectual property liaison group taking part in mediation activities.

  @s5.3-rules
  规则: 指导电商平台建立保护规则
    原文: 指导电商平台建立知识产权保护规则，加强与知识产权权利人合作，依法保护知识产权。
    译文: Guide e-commerce platforms to establish intellectual property protection rules, strengthen cooperation with intellectual property right holders, and protect intellectual property in accordance with the law.

  @s5.3-body
  规则: 引导电商平台设立调解机构
    原文: 引导支持电商平台设立知识产权投诉受理调解机构，规范受理调解工作程序。
    译文: Guide and support e-commerce platforms in setting up bodies to accept and mediate intellectual property complaints, and standardise the procedures for acceptance and mediation work.

  @s5.3-fast-track
  规则: 争取压缩办案时限
    原文: 对电商平台依法告知专利权人向专利行政部门投诉的案件，积极向上级争取在法律框架内压缩办案时限，提高办案效率。
    译文: For cases in which an e-commerce platform has, in accordance with the law, advised the patentee to complain to the patent administration department, actively seek from higher authorities a shortening of case-handling time limits within the legal framework, improving case-handling efficiency.

  @s5.3-consulting
  规则: 提供专利侵权判定咨询
    原文: 加强与电商平台协作，对电商平台调解的案件提供专利侵权判定咨询服务。
    译文: Strengthen collaboration with e-commerce platforms, and provide patent-infringement determination consulting services for cases mediated by e-commerce platforms.

    场景: 电商平台调解的案件获得专利侵权判定咨询
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 | 提供日期 |
        | MJ-2026-261 | 十堰武当优品电子商务有限公司 | 电商平台 | 专利侵权判定咨询 | 2026-07-06 | 是 | 2026-07-10 |
      当检查台账
      那么案件"MJ-2026-261"按条款"s5.3-consulting"的结论为"合规"

    场景: 电商平台请求专利侵权判定咨询，未提供
      假如台账中有"服务请求"记录:
        | 案件编号 | 请求方 | 请求方类型 | 请求事项 | 请求日期 | 已提供 |
        | MJ-2026-262 | 十堰武当优品电子商务有限公司 | 电商平台 | 专利侵权判定咨询 | 2026-07-20 | 否 |
      当检查台账
      那么案件"MJ-2026-262"按条款"s5.3-consulting"的结论为"违规"

  @s5.4-procedure
  规则: 完善和规范执法程序
    原文: 进一步完善和规范执法程序
    译文: Further improve and standardise enforcement procedures

  @s5.4-speed
  规则: 快速查处重点企业案件
    原文: 快速查处重点企业举报投诉的假冒商标、专利案件和重点企业提起的商标、专利侵权纠纷案件。
    译文: Promptly investigate and deal with counterfeit trademark and patent cases reported or complained of by key enterprises, and trademark and patent infringement dispute cases brought by key enterprises.

    场景: 重点企业的商标纠纷受理后四十多天办结
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | SD-01 | 十堰东风汽车零部件有限公司 | 是 | 商标 | 茅箭区市场监管局执法大队 | 2026-03-02 | 2026-04-15 |
      当检查台账
      那么案件"SD-01"按条款"s5.4-speed"的结论为"合规"

    场景: 重点企业的商标纠纷受理后135天才办结，超过90日
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | SD-02 | 湖北武当山茶业有限公司 | 是 | 商标 | 武当路市场监管所 | 2026-01-05 | 2026-05-20 |
      当检查台账
      那么案件"SD-02"按条款"s5.4-speed"的结论为"违规"
      而且说明中包含"自受理至办结用了135日，超过90日"

    场景: 重点企业的商标纠纷受理近半年仍未办结
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 |
        | SD-03 | 湖北武当山茶业有限公司 | 是 | 商标 | 武当路市场监管所 | 2026-06-01 |
      当检查台账
      那么案件"SD-03"按条款"s5.4-speed"的结论为"违规"
      而且说明中包含"受理已177日仍未办结"

    场景: 重点企业的纠纷尚未办结，90日期限未满，暂不判定
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 |
        | SD-04 | 十堰东风汽车零部件有限公司 | 是 | 商标 | 茅箭区市场监管局执法大队 | 2026-10-20 |
      当检查台账
      那么案件"SD-04"按条款"s5.4-speed"的结论为"无法判定"
      而且说明中包含"期限未满"

    场景: 纠纷记录没有受理日期，无法计算用时
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 办结日期 |
        | SD-05 | 十堰东风汽车零部件有限公司 | 是 | 商标 | 茅箭区市场监管局执法大队 | 2026-04-15 |
      当检查台账
      那么案件"SD-05"按条款"s5.4-speed"的结论为"无法判定"
      而且说明中包含"未写明受理（立案）日期"

    场景: 办结日期早于受理日期，须核对记录
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | SD-06 | 十堰东风汽车零部件有限公司 | 是 | 商标 | 茅箭区市场监管局执法大队 | 2026-04-15 | 2026-03-02 |
      当检查台账
      那么案件"SD-06"按条款"s5.4-speed"的结论为"无法判定"
      而且说明中包含"早于受理日期"

    场景: 非重点企业的纠纷不适用快速查处的要求
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 |
        | SD-07 | 十堰小林商贸有限公司 | 否 | 商标 | 武当路市场监管所 | 2026-01-05 |
      当检查台账
      那么案件"SD-07"不适用规则"key-enterprise-case-speed"

  @s5.4-routing
  规则: 商标和专利纠纷的分工处理
    原文: 重点企业提出的商标纠纷案件由区局执法大队和各监管所处理，专利纠纷案件由市局处理，区局配合。
    译文: Trademark dispute cases raised by key enterprises are handled by the District Bureau's enforcement brigade and the supervision offices; patent dispute cases are handled by the Municipal Bureau, with the District Bureau cooperating.

    场景: 重点企业的商标纠纷由区局执法大队处理
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-01 | 十堰东风汽车零部件有限公司 | 是 | 商标 | 茅箭区市场监管局执法大队 | 2026-05-11 | 2026-06-30 |
      当检查台账
      那么案件"JF-01"按条款"s5.4-routing"的结论为"合规"

    场景: 重点企业的商标纠纷由监管所处理
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-02 | 湖北武当山茶业有限公司 | 是 | 商标 | 武当路市场监管所 | 2026-05-19 | 2026-07-10 |
      当检查台账
      那么案件"JF-02"按条款"s5.4-routing"的结论为"合规"

    场景: 重点企业的商标纠纷记为区局本身处理，按解释视为区局执法大队或监管所处理
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-09 | 湖北武当山茶业有限公司 | 是 | 商标 | 茅箭区市场监管局 | 2026-05-19 | 2026-07-10 |
      当检查台账
      那么案件"JF-09"按条款"s5.4-routing"的结论为"合规"

    场景: 重点企业的商标纠纷交由市局处理
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-03 | 湖北武当山茶业有限公司 | 是 | 商标 | 十堰市市场监督管理局 | 2026-06-02 | 2026-07-20 |
      当检查台账
      那么案件"JF-03"按条款"s5.4-routing"的结论为"违规"
      而且说明中包含"该单位不属于本区局"

    场景: 重点企业的商标纠纷由区局知识产权股处理，不是执法大队或监管所
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-10 | 湖北武当山茶业有限公司 | 是 | 商标 | 茅箭区市场监管局知识产权股 | 2026-06-02 | 2026-07-20 |
      当检查台账
      那么案件"JF-10"按条款"s5.4-routing"的结论为"违规"
      而且说明中包含"由茅箭区市场监管局知识产权股处理，应由区局执法大队或监管所处理"

    场景: 重点企业的专利纠纷由市局处理，应市局请求由区局监管所配合
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 配合单位 | 市局请求区局配合 | 日期 | 办结日期 |
        | JF-04 | 十堰东风汽车零部件有限公司 | 是 | 专利 | 十堰市市场监督管理局 | 二堰市场监管所 | 是 | 2026-06-10 | 2026-08-28 |
      当检查台账
      那么案件"JF-04"按条款"s5.4-routing"的结论为"合规"

    场景: 重点企业的专利纠纷由市局处理，市局未请求配合，没有配合记录不违规
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-06 | 十堰东风汽车零部件有限公司 | 是 | 专利 | 十堰市市场监督管理局 | 2026-07-15 | 2026-09-30 |
      当检查台账
      那么案件"JF-06"按条款"s5.4-routing"的结论为"合规"

    场景: 重点企业的专利纠纷由区局执法大队自行处理
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-05 | 十堰东风汽车零部件有限公司 | 是 | 专利 | 茅箭区市场监管局执法大队 | 2026-07-08 | 2026-08-20 |
      当检查台账
      那么案件"JF-05"按条款"s5.4-routing"的结论为"违规"
      而且说明中包含"应由十堰市市场监督管理局处理"

    场景: 市局请求区局配合处理重点企业的专利纠纷，区局没有配合
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 市局请求区局配合 | 日期 | 办结日期 |
        | JF-14 | 湖北华中车灯有限公司 | 是 | 专利 | 十堰市市场监督管理局 | 是 | 2026-07-15 | 2026-09-30 |
      当检查台账
      那么案件"JF-14"按条款"s5.4-routing"的结论为"违规"
      而且说明中包含"没有区局（茅箭区市场监管局及其所属单位）配合的记录"

    场景: 市局请求配合，配合单位不在单位名录中，无法确认是否区局单位
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 配合单位 | 市局请求区局配合 | 日期 | 办结日期 |
        | JF-18 | 湖北华中车灯有限公司 | 是 | 专利 | 十堰市市场监督管理局 | 某知识产权代理公司 | 是 | 2026-07-15 | 2026-09-30 |
      当检查台账
      那么案件"JF-18"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"配合单位“某知识产权代理公司”不在政策的单位名录"

    场景: 非重点企业的纠纷不适用本条
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 |
        | JF-07 | 十堰小林商贸有限公司 | 否 | 专利 | 茅箭区市场监管局执法大队 |
      当检查台账
      那么案件"JF-07"不适用规则"key-enterprise-patent-dispute-unit"

    场景: 商标纠纷的处理单位不在单位名录中，无法判定
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-08 | 十堰东风汽车零部件有限公司 | 是 | 商标 | 茅箭区某某办公室 | 2026-08-03 | 2026-09-10 |
      当检查台账
      那么案件"JF-08"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"不在政策的单位名录"

    场景: 专利纠纷的处理单位不在单位名录中，无法判定
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-17 | 十堰东风汽车零部件有限公司 | 是 | 专利 | 某律师事务所 | 2026-08-03 | 2026-09-10 |
      当检查台账
      那么案件"JF-17"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"“某律师事务所”不在政策的单位名录"

    场景: 商标纠纷未写明处理单位，无法判定
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 日期 | 办结日期 |
        | JF-13 | 湖北武当山茶业有限公司 | 是 | 商标 | 2026-08-03 | 2026-09-10 |
      当检查台账
      那么案件"JF-13"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"未写明处理单位"

    场景: 专利纠纷未写明处理单位，无法判定
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 纠纷类型 | 日期 | 办结日期 |
        | JF-16 | 湖北华中车灯有限公司 | 是 | 专利 | 2026-08-03 | 2026-09-10 |
      当检查台账
      那么案件"JF-16"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"未写明处理单位"

    场景: 商标纠纷未写明是否重点企业，不推定为否
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-11 | 十堰恒达汽车配件有限公司 | 商标 | 十堰市市场监督管理局 | 2026-06-02 | 2026-07-20 |
      当检查台账
      那么案件"JF-11"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"是否重点企业，无法判断是否适用五（四）的分工"
      而且案件"JF-11"按条款"s5.4-speed"的结论为"无法判定"
      而且说明中包含"是否重点企业，无法判断是否适用快速查处"

    场景: 专利纠纷未写明是否重点企业，不推定为否
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 纠纷类型 | 处理单位 | 日期 | 办结日期 |
        | JF-15 | 十堰恒达汽车配件有限公司 | 专利 | 茅箭区市场监管局执法大队 | 2026-06-02 | 2026-07-20 |
      当检查台账
      那么案件"JF-15"按条款"s5.4-routing"的结论为"无法判定"
      而且说明中包含"是否重点企业，无法判断是否适用五（四）的分工"
      而且案件"JF-15"按条款"s5.4-speed"的结论为"无法判定"

    场景: 纠纷记录未写明纠纷类型，商标和专利的分工都无法判定
      假如台账中有"纠纷"记录:
        | 案件编号 | 企业 | 重点企业 | 处理单位 | 日期 | 办结日期 |
        | JF-12 | 十堰恒达汽车配件有限公司 | 是 | 茅箭区市场监管局执法大队 | 2026-06-02 | 2026-07-20 |
      当检查台账
      那么案件"JF-12"在规则"key-enterprise-trademark-dispute-unit"下的结论为"无法判定"
      而且说明中包含"未写明纠纷类型"
      而且案件"JF-12"在规则"key-enterprise-patent-dispute-unit"下的结论为"无法判定"
      而且说明中包含"未写明纠纷类型"
