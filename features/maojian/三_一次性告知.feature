# language: zh-CN
功能: 三、一次性告知制度
  本文件收录《知识产权服务机构工作机制》第三部分的条款。

  @s3.1
  规则: 一次性告知办理程序和手续
    原文: 一次性告知制是指公共服务对象到本局办事或电话咨询有关办理事宜时，属于职能范围内的，首办责任人应当一次性告知其所要办理事项的有关办理程序、方法及相关手续的制度。
    译文: The one-time notification system means the system under which, when a public service recipient comes to this Bureau to transact business or makes a telephone inquiry about how to handle a matter, and the matter falls within the Bureau's functions, the first handler shall inform the recipient at one time of the relevant procedures, methods and related formalities for the matter to be handled.

  @s3.2
  规则: 一次性告知需补办的事项
    原文: 首办责任人对手续、材料不完备或未按规定程序办理的，应一次性告知需要补办的手续、材料或办理程序、受理时限。
    译文: Where formalities or materials are incomplete or the prescribed procedure has not been followed, the first handler shall inform at one time of the formalities, materials or procedures that need to be supplemented and the time limit for acceptance.

  @s3.3
  规则: 违法诉求不予办理并告知理由
    原文: 对公共服务对象的诉求事项违背有关法律、法规和规范性文件的规定，应及时决定不予办理，同时应将不予办理的理由、依据一次性告知办事人。
    译文: Where a matter requested by a public service recipient violates the provisions of relevant laws, regulations or normative documents, a decision not to handle it shall be made promptly, and at the same time the reasons and basis for not handling it shall be communicated at one time to the person seeking service.

  @s3.4
  规则: 口头告知应做书面记录
    原文: 首办责任人在向公共服务对象一次性告知时，可采用口头告知或书面告知形式，以口头告知的，应做书面记录。
    译文: When giving one-time notification to a public service recipient, the first handler may do so orally or in writing; where notification is given orally, a written record shall be made.

  @s3.5
  规则: 重大情况及时报告
    原文: 对公共服务对象所办事项涉及多个部门或文件规定不清的或在办理中遇到重大情况，首办责任人应及时向股室或局领导报告，以便采取有效措施，确保告知工作的正常运行。
    译文: Where a matter handled for a public service recipient involves several departments, or the provisions of documents are unclear, or a major situation is encountered during handling, the first handler shall promptly report to the section or Bureau leadership so that effective measures can be taken to ensure the normal functioning of the notification work.
